package net.bestcert.member.ui.offers

import com.google.gson.Gson
import com.google.gson.reflect.TypeToken
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import net.bestcert.member.data.api.OfferDto
import okhttp3.OkHttpClient
import okhttp3.Request

/** Promotions of BestCert's reseller partners, picked by where the device is. */
class OffersRepository(private val http: OkHttpClient = OkHttpClient()) {

    suspend fun nearby(latitude: Double, longitude: Double): List<OfferDto> = withContext(Dispatchers.IO) {
        val request = Request.Builder()
            .url("https://promo.bestcert.net/v1/offers/nearby?lat=$latitude&lng=$longitude")
            .get()
            .build()
        http.newCall(request).execute().use { response ->
            val body = response.body?.string() ?: return@withContext emptyList()
            Gson().fromJson(body, object : TypeToken<List<OfferDto>>() {}.type)
        }
    }
}
