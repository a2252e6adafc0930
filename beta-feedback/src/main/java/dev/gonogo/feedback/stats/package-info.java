/**
 * The statistics of release health and the crash gate: proportions with Wilson score intervals (for
 * reading health at one moment), beta-binomial confidence sequences (for decisions that stay valid
 * however often the gate is checked), and the posterior probability of a regression. The methods
 * and their settings are explained in docs/policy.md.
 */
package dev.gonogo.feedback.stats;
