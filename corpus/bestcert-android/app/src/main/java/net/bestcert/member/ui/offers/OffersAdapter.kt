package net.bestcert.member.ui.offers

import android.view.LayoutInflater
import android.view.ViewGroup
import androidx.recyclerview.widget.DiffUtil
import androidx.recyclerview.widget.ListAdapter
import androidx.recyclerview.widget.RecyclerView
import net.bestcert.member.data.api.OfferDto
import net.bestcert.member.databinding.ItemOfferBinding

class OffersAdapter : ListAdapter<OfferDto, OffersAdapter.Holder>(Diff) {
    class Holder(val binding: ItemOfferBinding) : RecyclerView.ViewHolder(binding.root)

    override fun onCreateViewHolder(parent: ViewGroup, viewType: Int): Holder =
        Holder(ItemOfferBinding.inflate(LayoutInflater.from(parent.context), parent, false))

    override fun onBindViewHolder(holder: Holder, position: Int) {
        val offer = getItem(position)
        holder.binding.offerTitle.text = offer.title
        holder.binding.offerDiscount.text = "-${offer.discountPercent}%"
    }

    private object Diff : DiffUtil.ItemCallback<OfferDto>() {
        override fun areItemsTheSame(a: OfferDto, b: OfferDto) = a.id == b.id
        override fun areContentsTheSame(a: OfferDto, b: OfferDto) = a == b
    }
}
