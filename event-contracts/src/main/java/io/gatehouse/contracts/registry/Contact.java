package io.gatehouse.contracts.registry;

/** Whom to ask about a model: a name, an address (e-mail, URL, handle), or both; at least one of them. */
public record Contact(String name, String address) {}
