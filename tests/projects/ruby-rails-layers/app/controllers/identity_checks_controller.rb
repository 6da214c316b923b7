# Identity checks: the model keeps the ID number encrypted (`encrypts`), the
# phone number as given.
class IdentityChecksController < ApplicationController
  def create
    Customer.create!(national_id: params[:national_id], phone: params[:phone]) # expect: collected user.government_id.national_identification_number; collected user.contact.phone_number; stored user.contact.phone_number
  end
end
