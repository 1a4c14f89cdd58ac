package io.eventcommerce.copilot.ask;

/** How a client best draws an answer: a line over time, bars by category, a pie of shares, or just the table. */
public enum ChartHint { LINE, BAR, PIE, TABLE, NONE }
