/**
 * The example documents application. Work in progress: see the project's issue on example-war.
 */
package io.github.stytchjakarta.example;
