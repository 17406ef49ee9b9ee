package io.metasync.ufs.s3;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads S3 event notifications in the AWS event message format ({@code {"Records": [{"eventName":
 * "ObjectCreated:Put", "s3": {"bucket": {"name": ...}, "object": {"key": ...}}}]}}), which S3 sends
 * to SQS and SNS and MinIO and Ceph RGW send to webhooks, also inside an SNS envelope ({@code
 * "Message"} holding that JSON as a string). S3's test event and records of other sources are
 * skipped.
 */
final class S3EventMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One object event: its name without the {@code s3:} that MinIO puts first, and its key. */
  record ObjectEvent(String eventName, String bucket, String key) {}

  /**
   * The URL that confirms an SNS HTTP subscription, when {@code body} is SNS's request to confirm
   * one (it holds no events).
   */
  static Optional<String> subscriptionConfirmation(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root != null && "SubscriptionConfirmation".equals(root.path("Type").asText())) {
        return Optional.of(root.path("SubscribeURL").asText(""));
      }
    } catch (java.io.IOException e) {
      // not JSON: parse says so
    }
    return Optional.empty();
  }

  private S3EventMessages() {}

  /**
   * @throws IllegalArgumentException when the body is not such JSON, saying what is wrong
   */
  static List<ObjectEvent> parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(
          "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the body is not a JSON object");
    }
    JsonNode message = root.get("Message");
    if (message != null && message.isTextual()) {
      return parse(message.asText().getBytes(UTF_8));
    }
    List<ObjectEvent> events = new ArrayList<>();
    JsonNode records = root.get("Records");
    if (records == null) {
      return events; // e.g. {"Event": "s3:TestEvent"}, sent when notifications are configured
    }
    if (!records.isArray()) {
      throw new IllegalArgumentException("\"Records\" is not an array");
    }
    for (JsonNode record : records) {
      String eventName = record.path("eventName").asText("");
      String bucket = record.path("s3").path("bucket").path("name").asText("");
      JsonNode key = record.path("s3").path("object").path("key");
      if (eventName.isEmpty() || bucket.isEmpty() || !key.isTextual()) {
        continue;
      }
      events.add(
          new ObjectEvent(
              eventName.startsWith("s3:") ? eventName.substring(3) : eventName,
              bucket,
              // keys come URL-encoded, a space as '+'
              URLDecoder.decode(key.asText(), UTF_8)));
    }
    return events;
  }
}
