# Quotes from an authorized reseller: the reseller calls back with an offer
# for the product. The form's "share my contact details with the reseller"
# box records the account's consent (policy section 3.1).
class ResellerQuotesController < ApplicationController
  def new; end

  def create
    current_account.update!(reseller_consent_at: Time.current) if params[:share_consent] == "1"
    if ResellerReferral.new.forward(current_account, params[:product])
      redirect_to root_path, notice: "A reseller will contact you shortly"
    else
      redirect_to new_reseller_quote_path, alert: "Tick the box to let a reseller contact you"
    end
  end
end
