# A customer account of the TrustSign portal. The password is kept only as a
# bcrypt digest (password_digest).
class Account < ApplicationRecord
  has_secure_password

  has_many :support_tickets
  has_many :login_events

  validates :email, presence: true, uniqueness: true

  # Agreed on the reseller quote form to be handed to a reseller (policy 3.1).
  def reseller_consent?
    reseller_consent_at.present?
  end
end
