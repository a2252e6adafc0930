package dev.gonogo.feedback.sentry;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code attachment} item: a file sent with an event (a log, a screenshot, a minidump).
 *
 * <p>An empty attachment ({@code length: 0}) is valid.
 */
public final class Attachment implements ItemPayload {
  /** The protocol's default content type. */
  public static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  /** The protocol's default attachment type: a plain file without special meaning. */
  public static final String DEFAULT_ATTACHMENT_TYPE = "event.attachment";

  private final Optional<String> filename;
  private final String contentType;
  private final String attachmentType;
  private final byte[] bytes;

  private Attachment(
      Optional<String> filename, String contentType, String attachmentType, byte[] bytes) {
    this.filename = filename;
    this.contentType = contentType;
    this.attachmentType = attachmentType;
    this.bytes = bytes;
  }

  /** Reads the item headers; the payload is taken as is, never parsed. */
  public static Attachment from(EnvelopeItem item) {
    if (item.itemType() != ItemType.ATTACHMENT) {
      throw new IllegalArgumentException(item.describe() + " is not an attachment");
    }
    return new Attachment(
        item.headerText("filename").filter(name -> !name.isBlank()),
        item.headerText("content_type").filter(t -> !t.isBlank()).orElse(DEFAULT_CONTENT_TYPE),
        item.headerText("attachment_type")
            .filter(t -> !t.isBlank())
            .orElse(DEFAULT_ATTACHMENT_TYPE),
        item.payload());
  }

  /** The file name without a path; the protocol makes it optional. */
  public Optional<String> filename() {
    return filename;
  }

  public String contentType() {
    return contentType;
  }

  /** e.g. {@code event.attachment}, {@code event.minidump}, {@code event.view_hierarchy}. */
  public String attachmentType() {
    return attachmentType;
  }

  public int length() {
    return bytes.length;
  }

  /** The file bytes, not copied: callers must not change them. */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return "Attachment["
        + filename.orElse("(no name)")
        + ", "
        + contentType
        + ", "
        + attachmentType
        + ", "
        + bytes.length
        + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attachment
        && ((Attachment) o).filename.equals(filename)
        && ((Attachment) o).contentType.equals(contentType)
        && ((Attachment) o).attachmentType.equals(attachmentType)
        && Arrays.equals(((Attachment) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filename, contentType, attachmentType, Arrays.hashCode(bytes));
  }
}
