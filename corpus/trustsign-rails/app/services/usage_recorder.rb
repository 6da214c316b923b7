# Records how accounts use the portal (policy section 1: "recording how you
# interact with our software products and services").
class UsageRecorder
  def self.page_view(account, request)
    UsageEvent.create!(
      account_id: account&.id,
      path: request.path,
      referrer: request.referer,
      user_agent: request.user_agent
    )
  end
end
