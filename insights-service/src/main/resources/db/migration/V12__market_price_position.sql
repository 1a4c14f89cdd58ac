-- The market pulse's fourth opportunity component (issue 11): the price position of the market's region x category
-- from the latest competitor analysis (competitor_analysis.price_position: our price / the competitors' mean, 1 =
-- level), null where no competitor observation covers it, and its score 1 / (1 + position^4) in (0, 1], 0.5 (neutral)
-- without one. The score's default is that neutral 0.5 for rows a run before this migration stored (the next run
-- replaces the table). One ALTER with two ADD COLUMN clauses reads alike on MySQL 8.4 and MariaDB 11.4.
ALTER TABLE market_opportunities
    ADD COLUMN price_position       DECIMAL(12,4) NULL,
    ADD COLUMN price_position_score DECIMAL(12,8) NOT NULL DEFAULT 0.50000000;
