package net.bestcert.member.device

import android.annotation.SuppressLint
import android.content.Context
import android.os.Build
import android.provider.Settings
import android.telephony.TelephonyManager
import com.google.android.gms.ads.identifier.AdvertisingIdClient

/**
 * Device information for risk control (privacy statement 2.2.2.1 and 2.3.4):
 * the model, the OS version and the device's identifiers.
 */
class DeviceInfoCollector(private val context: Context) {

    fun deviceModel(): String = Build.MANUFACTURER + " " + Build.MODEL

    fun osVersion(): String = "Android " + Build.VERSION.RELEASE

    @SuppressLint("HardwareIds")
    fun androidId(): String =
        Settings.Secure.getString(context.contentResolver, Settings.Secure.ANDROID_ID)

    @SuppressLint("HardwareIds", "MissingPermission")
    fun imei(): String? {
        val telephony = context.getSystemService(Context.TELEPHONY_SERVICE) as TelephonyManager
        // Android 10 and later no longer hand the IMEI to ordinary apps.
        return if (Build.VERSION.SDK_INT < Build.VERSION_CODES.Q) telephony.imei else null
    }

    /** Blocking; call it from a background dispatcher. */
    fun advertisingId(): String? {
        val info = AdvertisingIdClient.getAdvertisingIdInfo(context)
        return if (info.isLimitAdTrackingEnabled) null else info.id
    }

    fun snapshot(): DeviceSnapshot = DeviceSnapshot(
        deviceModel = deviceModel(),
        osVersion = osVersion(),
        androidId = androidId(),
        imei = imei(),
    )
}

data class DeviceSnapshot(
    val deviceModel: String,
    val osVersion: String,
    val androidId: String,
    val imei: String?,
)
