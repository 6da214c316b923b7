package net.bestcert.member.util

/** Facts printed in a mainland resident ID card number (GB 11643). */
object IdCards {
    private val PATTERN = Regex("^\\d{17}[\\dXx]$")

    fun isWellFormed(idNumber: String): Boolean = PATTERN.matches(idNumber)

    /** yyyy-MM-dd from digits 7 to 14. */
    fun birthDateOf(idNumber: String): String =
        idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14)
}
