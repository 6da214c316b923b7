# Answers a disclosure order (policy section 3.2) with the account's contact
# details, written to a file the legal team hands over.
class LegalDisclosureExportJob < ApplicationJob
  queue_as :legal

  def perform(order_number, account_id)
    account = Account.find(account_id)
    path = Rails.root.join("storage", "disclosures", "#{order_number}.csv")
    File.write(path, [account.email, account.phone, account.full_name].join(","))
    Rails.logger.info("Disclosure order #{order_number} answered for account #{account_id}")
  end
end
