/**
 * Release health, read from the rollups the writer keeps: totals, breakdowns, adoption, a time
 * series, and the signatures of a release with their status against a baseline.
 */
package dev.gonogo.feedback.health;
