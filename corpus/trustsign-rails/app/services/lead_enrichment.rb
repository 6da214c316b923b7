# Looks up the company behind a new account in a commercial data source
# (policy section 1: "public and commercial third-party sources").
class LeadEnrichment
  ENDPOINT = "https://api.enrichly.io/v2/person"

  def enrich(account)
    response = Faraday.post(ENDPOINT, { email: account.email }.to_json, "Content-Type" => "application/json")
    return unless response.success?

    data = JSON.parse(response.body)
    account.update(company: data["company_name"])
  end
end
