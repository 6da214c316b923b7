package net.bestcert.member.ui.search

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.MutableLiveData
import net.bestcert.member.data.prefs.RecentSearches

class ProductSearchViewModel(application: Application) : AndroidViewModel(application) {
    private val recentSearches = RecentSearches(application)

    val suggestions = MutableLiveData(recentSearches.all())

    fun search(searchQuery: String) {
        recentSearches.add(searchQuery)
        suggestions.value = recentSearches.all()
    }
}
