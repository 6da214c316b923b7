package net.bestcert.member.device

import android.annotation.SuppressLint
import android.content.Context
import android.location.Location
import android.location.LocationManager
import com.google.android.gms.location.LocationServices
import com.google.android.gms.location.Priority
import com.google.android.gms.tasks.CancellationTokenSource

/** The device's position for login risk checks (2.2.2.1 "GPS location"). */
class LocationProvider(private val context: Context) {
    private val fused = LocationServices.getFusedLocationProviderClient(context)

    @SuppressLint("MissingPermission")
    fun current(onFix: (GeoPoint?) -> Unit) {
        fused.getCurrentLocation(Priority.PRIORITY_BALANCED_POWER_ACCURACY, CancellationTokenSource().token)
            .addOnSuccessListener { location: Location? ->
                if (location != null) {
                    onFix(GeoPoint(location.latitude, location.longitude))
                } else {
                    onFix(lastKnown())
                }
            }
            .addOnFailureListener { onFix(null) }
    }

    @SuppressLint("MissingPermission")
    private fun lastKnown(): GeoPoint? {
        val manager = context.getSystemService(Context.LOCATION_SERVICE) as LocationManager
        val last: Location = manager.getLastKnownLocation(LocationManager.GPS_PROVIDER) ?: return null
        return GeoPoint(last.latitude, last.longitude)
    }
}

data class GeoPoint(val latitude: Double, val longitude: Double)
