package org.argmax.accounts;

/** What an account may do: learners study; instructors also see the instructor pages. */
public enum Role { LEARNER, INSTRUCTOR }
