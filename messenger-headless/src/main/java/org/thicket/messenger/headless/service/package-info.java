/**
 * What the local API and the console both do with the node's services: checking what a user typed, sending and
 * reading a conversation, listing contacts, adding a pending contact, showing our code for adding in person. Each
 * front end turns these results and exceptions into its own answers (JSON and status codes, or console lines).
 */
package org.thicket.messenger.headless.service;
