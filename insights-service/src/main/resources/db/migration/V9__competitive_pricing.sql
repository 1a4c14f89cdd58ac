-- Competitor price observations (io.eventcommerce.insights.competition, docs/competitor-prices.md), by API and CSV
-- upload. The unique key makes a re-sent observation or a re-uploaded file store nothing twice: rows are written
-- with INSERT IGNORE (MySQL and MariaDB alike) and counted by their batch.
CREATE TABLE competitive_pricing (
    id          CHAR(36)      NOT NULL,
    competitor  VARCHAR(100)  NOT NULL,
    country     CHAR(2)       NOT NULL,
    region      VARCHAR(10)   NOT NULL,
    sku         VARCHAR(64)   NOT NULL,
    -- Resolved from the product replica by sku when the observation arrived.
    product_id  CHAR(36)      NOT NULL,
    price       DECIMAL(19,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    observed_at DATETIME(6)   NOT NULL,
    -- API or UPLOAD; batch_id is the request (API) or upload (CSV) that stored the row.
    source      VARCHAR(10)   NOT NULL,
    batch_id    CHAR(36)      NOT NULL,
    received_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_competitive_pricing_observation (competitor, country, sku, observed_at),
    INDEX ix_competitive_pricing_product (product_id, observed_at),
    INDEX ix_competitive_pricing_observed (observed_at),
    INDEX ix_competitive_pricing_batch (batch_id)
);

-- Whether a competitor (in a country) undercuts a product as of its latest observation: the undercut alert is
-- raised on the change from not undercut to undercut only. Rows are locked (SELECT ... FOR UPDATE) by the
-- transaction that stores observations of the pair, so two concurrent requests cannot both raise it.
CREATE TABLE competitor_undercut_state (
    product_id     CHAR(36)      NOT NULL,
    competitor     VARCHAR(100)  NOT NULL,
    country        CHAR(2)       NOT NULL,
    undercut       BOOLEAN       NOT NULL,
    -- The observation the state is from; an older one arriving late does not change it.
    observed_at    DATETIME(6)   NOT NULL,
    price          DECIMAL(19,2) NULL,
    changed_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id, competitor, country)
);

-- The competitor analysis (analysis job kind competitor-analysis): per region and category our price position,
-- the share of our watched products undercut and the trend of the position over the last weeks.
CREATE TABLE competitor_analysis (
    region          VARCHAR(10)   NOT NULL,
    category_id     CHAR(36)      NOT NULL,
    run_id          CHAR(36)      NOT NULL,
    products        INT           NOT NULL,
    undercut        INT           NOT NULL,
    undercut_share  DECIMAL(7,4)  NOT NULL,
    observations    INT           NOT NULL,
    -- Our price / the competitors' mean price (1 = level with them), over the current window.
    price_position  DECIMAL(12,4) NOT NULL,
    trend_direction VARCHAR(10)   NULL,
    trend_slope     DECIMAL(12,6) NULL,
    trend_p_value   DECIMAL(9,6)  NULL,
    trend_weeks     INT           NOT NULL,
    computed_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (region, category_id),
    INDEX ix_competitor_analysis_category (category_id)
);
