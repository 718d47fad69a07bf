/**
 * The Stytch emulator: a local Stytch API over real HTTP ({@link io.github.stytchjakarta.testkit.StytchEmulator}),
 * a JWT minter, seeding types, fault injection, a JUnit 5 extension
 * ({@link io.github.stytchjakarta.testkit.StytchEmulatorExtension}) and a standalone server with demo data
 * ({@link io.github.stytchjakarta.testkit.StytchEmulatorMain}).
 */
package io.github.stytchjakarta.testkit;
