# Promotion landing pages run with the advertising partner (policy section 2).
class PromotionsController < ApplicationController
  def show
    @campaign = params[:campaign]
    PartnerPixel.conversion(cookies[:ts_vid], @campaign)
  end

  # The landing page's "send me the offer" form.
  def create
    PromoLead.create!(email: params[:email], campaign: params[:campaign])
    redirect_to promotion_path(params[:campaign]), notice: "Offer sent"
  end
end
