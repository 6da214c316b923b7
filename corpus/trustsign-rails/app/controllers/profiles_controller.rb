# The account holder's own profile.
class ProfilesController < ApplicationController
  def edit
    @account = current_account
  end

  def update
    if current_account.update(profile_params)
      redirect_to edit_profile_path, notice: "Profile saved"
    else
      render :edit, status: :unprocessable_entity
    end
  end

  private

  def profile_params
    params.require(:profile).permit(:full_name, :phone, :birthday, :time_zone)
  end
end
