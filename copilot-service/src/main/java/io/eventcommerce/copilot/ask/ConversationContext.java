package io.eventcommerce.copilot.ask;

/** What a follow-up question ("and in France?") is read against: the conversation's previous query. */
public record ConversationContext(Query previous) {
}
