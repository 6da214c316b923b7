package net.bestcert.member.ui.offers

import android.os.Bundle
import androidx.appcompat.app.AppCompatActivity
import androidx.lifecycle.lifecycleScope
import androidx.recyclerview.widget.LinearLayoutManager
import kotlinx.coroutines.launch
import net.bestcert.member.databinding.ActivityOffersBinding
import net.bestcert.member.device.LocationProvider

/** Certificate promotions of resellers near the member. */
class OffersActivity : AppCompatActivity() {
    private lateinit var binding: ActivityOffersBinding
    private val adapter = OffersAdapter()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        binding = ActivityOffersBinding.inflate(layoutInflater)
        setContentView(binding.root)
        binding.offerList.layoutManager = LinearLayoutManager(this)
        binding.offerList.adapter = adapter

        val repository = OffersRepository()
        LocationProvider(this).current { point ->
            lifecycleScope.launch {
                adapter.submitList(if (point == null) emptyList() else repository.nearby(point.latitude, point.longitude))
            }
        }
    }
}
