package net.bestcert.member.data.api

import net.bestcert.member.device.DeviceSnapshot

data class ApiResult<T>(val code: Int, val message: String, val data: T?) {
    fun requireData(): T = data ?: throw ApiException(code, message)
}

class ApiException(val code: Int, message: String) : RuntimeException(message)

data class SmsCodeBody(val phone: String, val scene: String = "login")

data class RegisterBody(
    val memberName: String,
    val phone: String,
    val password: String,
    val smsCode: String,
)

data class LoginBody(
    val phone: String,
    val password: String,
    val device: DeviceSnapshot,
    val latitude: Double?,
    val longitude: Double?,
)

data class ContactBody(val contactEmail: String, val contactPhone: String, val jobTitle: String)

data class MemberDto(val memberId: Long, val memberType: String)

data class SessionDto(val memberId: Long, val token: String, val expiresIn: Long)

data class CertificationDto(val status: String, val certifiedAt: Long?)

data class OfferDto(val id: Long, val title: String, val discountPercent: Int)
