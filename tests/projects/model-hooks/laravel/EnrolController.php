<?php
// Writes through the models of Member.php: the fields their casts encrypt or
// hash are stored protected; the others in clear.

namespace App\Http\Controllers;

use App\Models\Member;
use App\Models\Patient;
use Illuminate\Http\Request;

class EnrolController
{
    public function enrol(Request $request): void
    {
        $member = new Member();
        $member->id_number = $request->input('id_number'); // expect: collected user.government_id.national_identification_number
        $member->bank_card = $request->input('bank_card'); // expect: collected user.financial.bank_account
        $member->password = $request->input('password'); // expect: collected user.authorization.password
        $member->birth_date = $request->input('birth_date'); // expect: collected user.demographic.date_of_birth
        $member->save(); // expect: stored user.demographic.date_of_birth

        $patient = new Patient();
        $patient->medical_record = $request->input('medical_record'); // expect: collected user.health_and_medical
        $patient->phone_number = $request->input('phone_number'); // expect: collected user.contact.phone_number
        $patient->save(); // expect: stored user.contact.phone_number
    }
}
