-- The analytic replica's dimensions (copilot-service README "The analytic replica"), kept only from the events.
-- Ids CHAR(36), money DECIMAL(19,2), times DATETIME(6) UTC, as everywhere. The questions read these tables as
-- copilot_reader (V4__replica_reader.sql): their names and columns are the contract the question parser and the SQL
-- guard write against; add columns, never rename or drop one.

-- Every day from 2015-01-01 to 2035-12-31, so a question over a period with no sales still has its days.
CREATE TABLE dim_date (
    day           DATE     NOT NULL,
    year          SMALLINT NOT NULL,
    quarter       TINYINT  NOT NULL,
    month         TINYINT  NOT NULL,
    iso_year      SMALLINT NOT NULL,
    iso_week      TINYINT  NOT NULL,
    -- 1 = Monday .. 7 = Sunday (ISO 8601)
    weekday       TINYINT  NOT NULL,
    week_start    DATE     NOT NULL,
    month_start   DATE     NOT NULL,
    quarter_start DATE     NOT NULL,
    PRIMARY KEY (day),
    INDEX ix_dim_date_month (month_start),
    INDEX ix_dim_date_week (week_start)
);

-- 10^4 numbered days from four cross-joined digits: no recursive CTE, whose depth MySQL 8.4 caps at 1,000 by default
-- (cte_max_recursion_depth) where MariaDB 11.4 allows far more; this form runs unchanged on both.
INSERT INTO dim_date (day, year, quarter, month, iso_year, iso_week, weekday, week_start, month_start, quarter_start)
SELECT d, YEAR(d), QUARTER(d), MONTH(d), YEARWEEK(d, 3) DIV 100, WEEK(d, 3), WEEKDAY(d) + 1,
       DATE_SUB(d, INTERVAL WEEKDAY(d) DAY), DATE_SUB(d, INTERVAL DAYOFMONTH(d) - 1 DAY),
       DATE_ADD(MAKEDATE(YEAR(d), 1), INTERVAL QUARTER(d) - 1 QUARTER)
FROM (SELECT DATE_ADD(DATE '2015-01-01', INTERVAL (a.n + 10 * b.n + 100 * c.n + 1000 * e.n) DAY) AS d
      FROM (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
            SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a
      CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
            SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b
      CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
            SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) c
      CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
            SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) e) days
WHERE d <= DATE '2035-12-31';

-- catalog.category: a category with its root and its path from the root ("Electronics > Phones"). A category whose
-- parent has not arrived yet is rooted at its highest known ancestor until it does (CategoryPaths).
CREATE TABLE dim_category (
    category_id CHAR(36)      NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    parent_id   CHAR(36)      NULL,
    root_id     CHAR(36)      NOT NULL,
    root_name   VARCHAR(200)  NOT NULL,
    path        VARCHAR(1000) NOT NULL,
    -- 0 for a root
    depth       TINYINT       NOT NULL,
    version     BIGINT        NOT NULL,
    PRIMARY KEY (category_id),
    INDEX ix_dim_category_parent (parent_id),
    INDEX ix_dim_category_root (root_id)
);

-- catalog.product, newer versions only. Ratings: no event carries reviews yet, so NULL and 0 until one does.
CREATE TABLE dim_product (
    product_id     CHAR(36)      NOT NULL,
    sku            VARCHAR(64)   NOT NULL,
    name           VARCHAR(300)  NOT NULL,
    brand          VARCHAR(200)  NULL,
    category_id    CHAR(36)      NULL,
    price          DECIMAL(19,2) NOT NULL,
    cost           DECIMAL(19,2) NULL,
    currency       CHAR(3)       NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    rating_average DECIMAL(3,2)  NULL,
    review_count   INT           NOT NULL DEFAULT 0,
    version        BIGINT        NOT NULL,
    PRIMARY KEY (product_id),
    INDEX ix_dim_product_category (category_id),
    INDEX ix_dim_product_brand (brand)
);

-- orders.customer: no name, e-mail or address travels there, so none is here. region: analytics geo.Regions of the
-- country (OTHER without one). The latest updated_at wins (the events carry no version).
CREATE TABLE dim_customer (
    customer_id     CHAR(36)    NOT NULL,
    country         CHAR(2)     NULL,
    region          VARCHAR(5)  NOT NULL,
    segment         VARCHAR(20) NULL,
    registered_at   DATETIME(6) NULL,
    -- the day of the customer's first order placed (fact_order), whichever event came first
    first_order_day DATE        NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id),
    INDEX ix_dim_customer_country (country)
);
