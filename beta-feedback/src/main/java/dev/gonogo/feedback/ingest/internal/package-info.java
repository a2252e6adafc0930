/** How an envelope becomes writes: not API, used by {@link dev.gonogo.feedback.ingest.Ingestor}. */
package dev.gonogo.feedback.ingest.internal;
