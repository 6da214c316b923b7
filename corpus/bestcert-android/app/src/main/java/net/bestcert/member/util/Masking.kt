package net.bestcert.member.util

/** Shortened forms of personal data for screens and logs. */
object Masking {
    /** 13812345678 -> 138****5678 */
    fun maskPhone(phone: String): String =
        if (phone.length < 7) "****" else phone.take(3) + "****" + phone.takeLast(4)

    /** Keeps the first and the last character of an ID card number. */
    fun maskIdNumber(idNumber: String): String =
        if (idNumber.length < 2) "*" else idNumber.first() + "*".repeat(idNumber.length - 2) + idNumber.last()
}
