/**
 * Own-price elasticity of demand per product from its sales history: the log-log regression
 * ln q = &beta;<sub>0</sub> + &epsilon; ln p + controls, whose price coefficient is the elasticity (a 1 % price rise
 * changes quantity by &epsilon; %), with a t-based confidence interval, and an explicit "not enough variation"
 * where the price barely moved, because a regression on a constant price returns noise with a confident look.
 */
package io.eventcommerce.analytics.elasticity;
