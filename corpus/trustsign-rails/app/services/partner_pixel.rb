# Tells the advertising partner that a visitor converted (policy section 2:
# cookies or other anonymous identifiers sent to partners' servers).
require "net/http"

class PartnerPixel
  ENDPOINT = "https://track.adpartner-leads.com/v1/conversions"

  def self.conversion(visitor_cookie_id, campaign)
    Net::HTTP.post_form(URI(ENDPOINT), "vid" => visitor_cookie_id, "campaign" => campaign)
  end
end
