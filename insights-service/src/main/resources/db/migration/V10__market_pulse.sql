-- Global Market Pulse (seed 000: regional_market_data, market_opportunities; issue 11), written by the analysis job
-- market-pulse. Both tables hold the latest run's result: a run replaces each table in one transaction, so a reader
-- sees one run's figures whole. Figures are counted sales (paid, not returned or cancelled after payment), revenue =
-- the orders' net, per currency: an order is in the currency its products are priced in, nothing is converted, and
-- every share is of the total in the same currency.

-- Per complete period (ISO week, calendar month, calendar year; UTC) and market: a country, a region
-- (sales.domain.Regions) or the whole shop (TOTAL, market_key ALL).
CREATE TABLE regional_market_data (
    period_kind       VARCHAR(5)    NOT NULL,
    period_start      DATE          NOT NULL,
    -- COUNTRY, REGION or TOTAL; market_key the country code, the region code or ALL.
    market_level      VARCHAR(7)    NOT NULL,
    market_key        VARCHAR(5)    NOT NULL,
    currency          CHAR(3)       NOT NULL,
    run_id            CHAR(36)      NOT NULL,
    country           CHAR(2)       NULL,
    region            VARCHAR(5)    NULL,
    period_end        DATE          NOT NULL,
    revenue           DECIMAL(19,2) NOT NULL,
    orders            INT           NOT NULL,
    customers         INT           NOT NULL,
    aov               DECIMAL(19,2) NULL,
    -- The previous period of the same length and the same period a year earlier (52 weeks, 12 months, 1 year):
    -- their revenue and the growth against it as a ratio (0.18 = +18 %), null where that revenue was 0.
    previous_revenue  DECIMAL(19,2) NOT NULL,
    growth            DECIMAL(16,6) NULL,
    year_ago_revenue  DECIMAL(19,2) NOT NULL,
    growth_yoy        DECIMAL(16,6) NULL,
    -- Revenue / the TOTAL row's revenue of the period and currency (null when that is 0).
    share_of_total    DECIMAL(9,6)  NULL,
    computed_at       DATETIME(6)   NOT NULL,
    PRIMARY KEY (period_kind, period_start, market_level, market_key, currency),
    INDEX ix_regional_market_data_country (country, period_kind, period_start)
);

-- Market (country or region) x category opportunities over the last window-days (28) days, scored by the product of
-- normalised components (market.domain.OpportunityScorer): size, growth, penetration. The id is derived from
-- the key (level, market, category, currency), so a link to an opportunity survives the next run.
CREATE TABLE market_opportunities (
    id                 CHAR(36)      NOT NULL,
    run_id             CHAR(36)      NOT NULL,
    market_level       VARCHAR(7)    NOT NULL,
    market_key         VARCHAR(5)    NOT NULL,
    country            CHAR(2)       NULL,
    region             VARCHAR(5)    NOT NULL,
    category_id        CHAR(36)      NOT NULL,
    currency           CHAR(3)       NOT NULL,
    -- 1 = the best of its level (COUNTRY or REGION).
    opportunity_rank   INT           NOT NULL,
    score              DECIMAL(12,8) NOT NULL,
    -- The components' values and their normalised scores in (0, 1]; figures holds every component (also ones
    -- added later) with its inputs.
    revenue            DECIMAL(19,2) NOT NULL,
    size_score         DECIMAL(12,8) NOT NULL,
    growth             DECIMAL(16,6) NULL,
    growth_score       DECIMAL(12,8) NOT NULL,
    penetration_index  DECIMAL(16,6) NOT NULL,
    penetration_score  DECIMAL(12,8) NOT NULL,
    explanation        VARCHAR(1000) NOT NULL,
    -- JSON as text (as analysis_run.summary): MySQL's JSON type is MariaDB's LONGTEXT alias; nothing queries inside.
    figures            TEXT          NOT NULL,
    -- The window [window_start, window_end): window_end is the run's day, not counted.
    window_start       DATE          NOT NULL,
    window_end         DATE          NOT NULL,
    computed_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    INDEX ix_market_opportunities_rank (market_level, opportunity_rank),
    INDEX ix_market_opportunities_category (category_id)
);
