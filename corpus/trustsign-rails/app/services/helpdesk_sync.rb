# Mirrors support tickets into the hosted helpdesk.
class HelpdeskSync
  def initialize(client = ZendeskAPI::Client.new { |config| config.url = ENV.fetch("ZENDESK_URL") })
    @client = client
  end

  def push(ticket)
    ZendeskAPI::Ticket.create!(
      @client,
      subject: ticket.subject,
      comment: { value: ticket.message },
      requester: { name: ticket.contact_name, email: ticket.contact_email }
    )
  end
end
