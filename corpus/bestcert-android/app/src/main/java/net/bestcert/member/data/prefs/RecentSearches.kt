package net.bestcert.member.data.prefs

import android.content.Context
import androidx.core.content.edit

/** The product searches offered under the search box, newest first. */
class RecentSearches(context: Context) {
    private val prefs = context.getSharedPreferences("recent_searches", Context.MODE_PRIVATE)

    fun add(searchQuery: String) {
        val queries = (listOf(searchQuery) + all().filter { it != searchQuery }).take(MAX_KEPT)
        prefs.edit { putString(KEY_QUERIES, queries.joinToString(SEPARATOR)) }
    }

    fun all(): List<String> =
        prefs.getString(KEY_QUERIES, null)?.split(SEPARATOR)?.filter { it.isNotEmpty() }.orEmpty()

    private companion object {
        const val KEY_QUERIES = "queries"
        const val SEPARATOR = "\n"
        const val MAX_KEPT = 10
    }
}
