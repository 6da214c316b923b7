class SupportTicket < ApplicationRecord
  belongs_to :account, optional: true

  validates :subject, :message, :contact_email, presence: true
end
