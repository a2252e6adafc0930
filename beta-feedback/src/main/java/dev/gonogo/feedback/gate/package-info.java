/**
 * The crash gate: the beta section of the release policy evaluated as an ordered pipeline of small
 * rules, each yielding an explained {@link dev.gonogo.feedback.gate.Finding}; the verdict is the
 * worst finding.
 */
package dev.gonogo.feedback.gate;
