class PromoLead < ApplicationRecord
  validates :email, presence: true
end
