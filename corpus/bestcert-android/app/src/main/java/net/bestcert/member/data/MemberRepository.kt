package net.bestcert.member.data

import android.content.Context
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import net.bestcert.member.data.api.ContactBody
import net.bestcert.member.data.api.LoginBody
import net.bestcert.member.data.api.MemberApi
import net.bestcert.member.data.api.MemberDto
import net.bestcert.member.data.api.RegisterBody
import net.bestcert.member.data.api.RiskReporter
import net.bestcert.member.data.api.SessionDto
import net.bestcert.member.data.api.SmsCodeBody
import net.bestcert.member.data.db.LoginRecord
import net.bestcert.member.data.db.LoginRecordDao
import net.bestcert.member.data.prefs.SessionStore
import net.bestcert.member.device.DeviceInfoCollector
import net.bestcert.member.device.GeoPoint
import net.bestcert.member.util.Masking
import org.json.JSONException
import timber.log.Timber
import java.io.IOException

/** Account operations of the member API, with the device data risk control needs. */
class MemberRepository(
    context: Context,
    private val api: MemberApi,
    private val session: SessionStore,
    private val loginRecords: LoginRecordDao,
    private val device: DeviceInfoCollector,
) {
    private val riskReporter = RiskReporter(context)

    suspend fun requestSmsCode(phone: String) {
        api.sendSmsCode(SmsCodeBody(phone = phone))
        Timber.i("sms code requested for %s", Masking.maskPhone(phone))
    }

    suspend fun register(memberName: String, phone: String, password: String, smsCode: String): MemberDto {
        val body = RegisterBody(
            memberName = memberName,
            phone = phone,
            password = password,
            smsCode = smsCode,
        )
        val member = api.register(body).requireData()
        session.rememberLogin(member.memberId, phone)
        return member
    }

    suspend fun login(phone: String, password: String, where: GeoPoint?): SessionDto {
        val snapshot = device.snapshot()
        val result = api.login(LoginBody(phone, password, snapshot, where?.latitude, where?.longitude)).requireData()
        session.saveToken(result.token)
        session.rememberLogin(result.memberId, phone)

        loginRecords.insert(
            LoginRecord(
                memberId = result.memberId,
                deviceModel = snapshot.deviceModel,
                latitude = where?.latitude,
                longitude = where?.longitude,
                signedInAt = System.currentTimeMillis(),
            )
        )
        Timber.d("login recorded, %d records on this device", loginRecords.count())

        withContext(Dispatchers.IO) {
            try {
                val advertisingId = device.advertisingId()
                riskReporter.reportLogin(
                    result.memberId, snapshot.androidId, snapshot.imei, advertisingId,
                    where?.latitude, where?.longitude,
                )
            } catch (e: IOException) {
                Timber.w(e, "risk report failed for member %d", result.memberId)
            } catch (e: JSONException) {
                Timber.e(e, "risk report could not be built")
            }
        }
        return result
    }

    suspend fun updateContact(email: String, phone: String, jobTitle: String) {
        api.updateContact(ContactBody(contactEmail = email, contactPhone = phone, jobTitle = jobTitle))
    }
}
