-- Reviews (verified purchase only), the purchases that make a customer verified, and each product's rating.

-- A customer received the product (OrderDelivered on orders.order): the customer may review it from then on.
CREATE TABLE verified_purchase (
    customer_id  CHAR(36)    NOT NULL,
    product_id   CHAR(36)    NOT NULL,
    order_id     CHAR(36)    NOT NULL,
    delivered_at DATETIME(6) NOT NULL,
    PRIMARY KEY (customer_id, product_id)
);

CREATE TABLE review (
    id          CHAR(36)     NOT NULL,
    product_id  CHAR(36)     NOT NULL,
    customer_id CHAR(36)     NOT NULL,
    order_id    CHAR(36)     NOT NULL,
    rating      INT          NOT NULL,
    title       VARCHAR(200) NULL,
    body        TEXT         NULL,
    version     BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_review_customer_product UNIQUE (customer_id, product_id),
    CONSTRAINT fk_review_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_review_rating CHECK (rating BETWEEN 1 AND 5),
    INDEX ix_review_product_created (product_id, created_at)
);

-- Kept current in the transaction of every review: the average is rating_sum / review_count, read without a scan.
CREATE TABLE product_rating (
    product_id   CHAR(36) NOT NULL,
    review_count INT      NOT NULL,
    rating_sum   INT      NOT NULL,
    stars_1      INT      NOT NULL,
    stars_2      INT      NOT NULL,
    stars_3      INT      NOT NULL,
    stars_4      INT      NOT NULL,
    stars_5      INT      NOT NULL,
    PRIMARY KEY (product_id),
    CONSTRAINT fk_product_rating_product FOREIGN KEY (product_id) REFERENCES product (id)
);
