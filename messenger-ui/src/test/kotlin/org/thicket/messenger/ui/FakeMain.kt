package org.thicket.messenger.ui

/**
 * The real window over [FakeAccountGateway], for manual runs and screenshots (test classpath).
 * `-Dthicket.fake.account=NICKNAME:PASSWORD` starts with that account; otherwise there is none.
 * Account work takes a second, like scrypt.
 */
object FakeMain {
    @JvmStatic
    fun main(args: Array<String>) {
        val account = System.getProperty("thicket.fake.account")?.split(':', limit = 2)
        Main { FakeAccountGateway(account?.get(0), account?.getOrNull(1), workMillis = 1000) }.run(args)
    }
}
