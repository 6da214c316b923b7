<?php

namespace App\Services;

use App\Models\User;
use HubSpot\Client\Crm\Contacts\Model\SimplePublicObjectInputForCreate;
use HubSpot\Factory;

/**
 * Pushes members who complete their basic information to the sales CRM.
 */
class CrmSync
{
    public function pushMember(User $user): void
    {
        $hubspot = Factory::createWithAccessToken(config('services.hubspot.token'));

        $input = new SimplePublicObjectInputForCreate();
        $input->setProperties([
            'firstname' => $user->member_name,
            'phone' => $user->phone,
            'company' => $user->unit_name,
            'address' => $user->street,
            'hubspot_owner_id' => config('services.hubspot.owner_id'),
        ]);

        $hubspot->crm()->contacts()->basicApi()->create($input);
    }
}
