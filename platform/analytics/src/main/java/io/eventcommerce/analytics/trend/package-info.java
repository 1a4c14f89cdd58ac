/**
 * Growth, decline and seasonality of a series with their significance: the Mann-Kendall trend test with Sen's
 * slope (Mann 1945, Kendall 1975, Sen 1968; confidence interval after Gilbert 1987), optionally with the
 * Hamed &amp; Rao (1998) variance correction for autocorrelated series, and the seasonal and trend strength of
 * Wang, Smith &amp; Hyndman (2006) from a classical additive decomposition. Non-parametric where it can be, so a
 * skewed sales series with outliers and ties does not need a distribution assumed.
 */
package io.eventcommerce.analytics.trend;
