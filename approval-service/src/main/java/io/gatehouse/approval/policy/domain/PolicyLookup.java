package io.gatehouse.approval.policy.domain;


/** The policies a case consults: the one in force now, and any published version (they never change). */
public interface PolicyLookup {

  Policy inForce();

  Policy version(String name, int version);
}
