# Certificates bought through a reseller are renewed through that reseller:
# thirty days before expiry the account is handed to the reseller network.
class RenewalHandoffJob < ApplicationJob
  ENDPOINT = "https://api.channelhub-resellers.com/v1/renewals"

  queue_as :default

  def perform(account_id, product, expires_on)
    account = Account.find(account_id)
    Faraday.post(
      ENDPOINT,
      { name: account.full_name, email: account.email, phone: account.phone,
        product: product, expires_on: expires_on }.to_json,
      "Content-Type" => "application/json"
    )
  end
end
