#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Test-UserSignInReadiness against the laid-out module and the Graph emulator's fixture tenant (one user per situation:
# tests/AadstsTools.GraphEmulator/Fixtures/contoso.json): parameter binding, pipeline input by value and by property
# name (Get-MgUser objects, Import-Csv rows), -Check, -Since/-Days, -Quiet, checks Graph can't run (no P1, a missing
# permission), format views and help. Most cases choose checks answered from the user and the domains: the reporting
# API behind the other checks is limited to 5 calls per 10 seconds, which the module honours.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $null = Import-AadstsTestModule
    $script:Emulator = Start-AadstsTestEmulator -Connect
    $script:DirectoryChecks = 'Enabled', 'UserType', 'PasswordExpiry'
    $script:BobId = '5b3c1f0a-0002-4a6e-9d1e-000000000002'
    $script:CarolId = '5b3c1f0a-0003-4a6e-9d1e-000000000003'
}

AfterAll {
    Stop-AadstsTestSession $Emulator
}

Describe 'Test-UserSignInReadiness parameter binding' {
    It 'takes -UserId first, mandatory, from the pipeline by value and by property name' {
        Get-AadstsParameterBinding Test-UserSignInReadiness UserId | Should -Be 'Mandatory, Position 0, ByValue, ByPropertyName'
    }

    It 'binds Id before UserPrincipalName, so Get-MgUser objects bind by their id' {
        (Get-Command Test-UserSignInReadiness).Parameters['UserId'].Aliases | Should -Be @('Id', 'ObjectId', 'UserPrincipalName', 'UPN')
    }

    It 'takes a UPN positionally' {
        $result = Test-UserSignInReadiness bob.expired@contoso.com -Check PasswordExpiry

        $result.PSObject.TypeNames | Should -Contain 'AadstsTools.SignInReadiness'
        $result.Input | Should -Be 'bob.expired@contoso.com'
        $result.UserPrincipalName | Should -Be 'bob.expired@contoso.com'
        $result.UserId | Should -Be $BobId
        [string]$result.Verdict | Should -Be 'Blocked'
        [string]($result.Checks | Where-Object { [string]$_.Check -eq 'PasswordExpiry' }).Status | Should -Be 'Fail'
        $result.PredictedCodes | Should -Contain 50055
    }

    It 'takes an object id' {
        $result = Test-UserSignInReadiness -UserId $CarolId -Check PasswordExpiry

        $result.Input | Should -Be $CarolId
        $result.UserPrincipalName | Should -Be 'carol.expiring@contoso.com'
        [string]$result.Verdict | Should -Be 'AtRisk'
    }

    It 'takes the user as -<Alias>' -ForEach @(
        @{ Alias = 'Id' }
        @{ Alias = 'ObjectId' }
        @{ Alias = 'UserPrincipalName' }
        @{ Alias = 'UPN' }
    ) {
        $arguments = @{ $Alias = 'judy.disabled@contoso.com'; Check = 'Enabled' }

        $result = Test-UserSignInReadiness @arguments

        [string]$result.Verdict | Should -Be 'Blocked'
        $result.PredictedCodes | Should -Contain 50057
    }

    It 'takes several users, one result each, in the order given' {
        $results = @(Test-UserSignInReadiness -UserId 'judy.disabled@contoso.com', 'alice.ready@contoso.com', 'bob.expired@contoso.com' -Check $DirectoryChecks)

        $results.UserPrincipalName | Should -Be @('judy.disabled@contoso.com', 'alice.ready@contoso.com', 'bob.expired@contoso.com')
        @($results | ForEach-Object { [string]$_.Verdict }) | Should -Be @('Blocked', 'Ready', 'Blocked')
    }

    It 'runs only the checks named by -Check, after Exists, in their usual order' {
        $result = Test-UserSignInReadiness alice.ready@contoso.com -Check 'PasswordExpiry', 'Enabled'

        @($result.Checks | ForEach-Object { [string]$_.Check }) | Should -Be @('Exists', 'Enabled', 'PasswordExpiry')
    }

    It 'refuses an unknown check, naming the checks there are' {
        $thrown = { Test-UserSignInReadiness alice.ready@contoso.com -Check NoSuchCheck } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -Match 'SsprRegistration'
    }

    It 'refuses -Days <Days>: the sign-in log keeps 1 to 30 days' -ForEach @(
        @{ Days = 0 }
        @{ Days = 31 }
    ) {
        { Test-UserSignInReadiness alice.ready@contoso.com -Days $Days } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Test-UserSignInReadiness pipeline input' {
    It 'takes UPNs and ids from the pipeline by value, one result each, in order' {
        $results = @('alice.ready@contoso.com', $BobId | Test-UserSignInReadiness -Check $DirectoryChecks)

        $results.Input | Should -Be @('alice.ready@contoso.com', $BobId)
        $results.UserPrincipalName | Should -Be @('alice.ready@contoso.com', 'bob.expired@contoso.com')
    }

    It 'binds Get-MgUser objects by their Id' {
        $users = @(
            New-AadstsMgUser -Id $BobId -UserPrincipalName 'bob.expired@contoso.com' -DisplayName 'Bob Expired'
            New-AadstsMgUser -Id $CarolId -UserPrincipalName 'carol.expiring@contoso.com' -DisplayName 'Carol Expiring'
        )

        $results = @($users | Test-UserSignInReadiness -Check $DirectoryChecks)

        $results.Input | Should -Be @($BobId, $CarolId)
        $results.UserId | Should -Be @($BobId, $CarolId)
        @($results | ForEach-Object { [string]$_.Verdict }) | Should -Be @('Blocked', 'AtRisk')
    }

    It 'binds objects with a <Property> property (<Source>)' -ForEach @(
        @{ Property = 'ObjectId'; Source = 'Get-EntraUser, Get-AzureADUser'; Value = '5b3c1f0a-0010-4a6e-9d1e-000000000010' }
        @{ Property = 'UserPrincipalName'; Source = 'an Import-Csv row'; Value = 'judy.disabled@contoso.com' }
        @{ Property = 'UPN'; Source = 'a hand-made CSV'; Value = 'judy.disabled@contoso.com' }
    ) {
        $row = [pscustomobject]@{ $Property = $Value; Department = 'HR' }

        $result = $row | Test-UserSignInReadiness -Check Enabled

        $result.Input | Should -Be $Value
        $result.UserPrincipalName | Should -Be 'judy.disabled@contoso.com'
        [string]$result.Verdict | Should -Be 'Blocked'
    }

    It 'reads Import-Csv rows by their UserPrincipalName column; an empty cell gets its own Unknown result, not an error' {
        $csv = New-AadstsUserCsv -Path (Join-Path $TestDrive 'migration-wave1.csv') -UserPrincipalName 'alice.ready@contoso.com', '', 'judy.disabled@contoso.com'

        $results = @(Import-Csv -LiteralPath $csv | Test-UserSignInReadiness -Check $DirectoryChecks -ErrorVariable errors)

        $results.Count | Should -Be 3
        $results[0].Input | Should -Be 'alice.ready@contoso.com'
        $results[1].Input | Should -Be ''
        $results[2].Input | Should -Be 'judy.disabled@contoso.com'
        @($results | ForEach-Object { [string]$_.Verdict }) | Should -Be @('Ready', 'Unknown', 'Blocked')
        $exists = $results[1].Checks | Where-Object { [string]$_.Check -eq 'Exists' }
        [string]$exists.Status | Should -Be 'Error'
        $exists.Detail | Should -Match 'empty'
        $errors | Should -BeNullOrEmpty
    }

    It 'answers every input of a bulk run exactly once, in order, the bad ones included' {
        $inputs = @(
            'alice.ready@contoso.com', 'bob.expired@contoso.com', 'carol.expiring@contoso.com', 'dan.neverexpires@contoso.com',
            'erin.lab@lab.contoso.net', 'frank.eu@eu.contoso.com', 'grace.synced@contoso.com', 'henry.stalesync@contoso.com',
            'ivan.federated@fabrikam.com', 'judy.disabled@contoso.com', 'kim_partner.example#EXT#@contoso.onmicrosoft.com',
            'leo.unregistered@contoso.com', 'mia.admin@contoso.com', 'nick.locked@contoso.com', 'olivia.stalecreds@contoso.com',
            'paul.justreset@contoso.com', 'quinn.globaladmin@contoso.com', 'ruth@contoso.onmicrosoft.com',
            'ghost@contoso.com', 'not a user', ''
        )

        $results = @($inputs | Test-UserSignInReadiness -Check $DirectoryChecks)

        $results.Count | Should -Be $inputs.Count
        for ($i = 0; $i -lt $inputs.Count; $i++) {
            $results[$i].Input | Should -Be $inputs[$i]
        }
        $byInput = @{}
        $results | ForEach-Object { $byInput[$_.Input] = $_ }
        [string]$byInput['alice.ready@contoso.com'].Verdict | Should -Be 'Ready'
        [string]$byInput['carol.expiring@contoso.com'].Verdict | Should -Be 'AtRisk'
        [string]$byInput['frank.eu@eu.contoso.com'].Verdict | Should -Be 'Blocked'
        [string]$byInput['judy.disabled@contoso.com'].Verdict | Should -Be 'Blocked'
        [string]$byInput['ghost@contoso.com'].Verdict | Should -Be 'Blocked'
        $byInput['ghost@contoso.com'].PredictedCodes | Should -Be 50034
        [string]$byInput['not a user'].Verdict | Should -Be 'Unknown'
        [string]$byInput[''].Verdict | Should -Be 'Unknown'
    }

    It 'stops cleanly when the pipeline needs no more (Select-Object -First)' {
        $first = @('alice.ready@contoso.com', 'bob.expired@contoso.com', 'carol.expiring@contoso.com' | Test-UserSignInReadiness -Check Enabled | Select-Object -First 1)

        $first.Count | Should -Be 1
        $first[0].UserPrincipalName | Should -Be 'alice.ready@contoso.com'
    }
}

Describe 'Test-UserSignInReadiness -Quiet' {
    It 'returns only $true or $false per user, like Test-Path: true for Ready and AtRisk' {
        $answers = @('alice.ready@contoso.com', 'carol.expiring@contoso.com', 'bob.expired@contoso.com', 'judy.disabled@contoso.com', 'ghost@contoso.com', '' |
                Test-UserSignInReadiness -Check $DirectoryChecks -Quiet)

        $answers | Should -Be @($true, $true, $false, $false, $false, $false)
        $answers | ForEach-Object { $_ | Should -BeOfType [bool] }
    }

    It 'works in an if statement, as the help shows' {
        $said = if (Test-UserSignInReadiness bob.expired@contoso.com -Check PasswordExpiry -Quiet) { 'can sign in' } else { 'cannot sign in' }

        $said | Should -Be 'cannot sign in'
    }
}

Describe 'Test-UserSignInReadiness with every check' {
    BeforeAll {
        # Two users: each costs a registration-report and a sign-in-log call (reporting API).
        $results = @('nick.locked@contoso.com', 'leo.unregistered@contoso.com' | Test-UserSignInReadiness -ErrorVariable allChecksErrors)
        $nick = $results[0]
        $leo = $results[1]
    }

    It 'runs the ten checks for each user, in order, without errors' {
        $results.Count | Should -Be 2
        @($nick.Checks | ForEach-Object { [string]$_.Check }) | Should -Be @(
            'Exists', 'Enabled', 'UserType', 'PasswordExpiry', 'ForcedPasswordChange', 'OnPremisesSync', 'Federation',
            'SsprRegistration', 'MfaRegistration', 'RecentFailures')
        $allChecksErrors | Should -BeNullOrEmpty
    }

    It 'finds the lockout in the sign-in log, with its code and guidance' {
        [string]$nick.Verdict | Should -Be 'Blocked'
        [string]($nick.Checks | Where-Object { [string]$_.Check -eq 'RecentFailures' }).Status | Should -Be 'Fail'
        $nick.PredictedCodes | Should -Contain 50053
        $nick.Guidance.Id | Should -Contain 'AADSTS50053'
    }

    It 'warns about missing self-service password reset and MFA registration' {
        [string]($leo.Checks | Where-Object { [string]$_.Check -eq 'SsprRegistration' }).Status | Should -Be 'Warning'
        [string]($leo.Checks | Where-Object { [string]$_.Check -eq 'MfaRegistration' }).Status | Should -Be 'Warning'
        $leo.PredictedCodes | Should -Contain 50125
        $leo.PredictedCodes | Should -Contain 50072
    }

    It 'lists each check with its status, detail and remedy in the list view' {
        $list = $nick | Format-List | Out-String -Width 300

        $list | Should -Match 'Verdict\s*:\s*Blocked'
        $list | Should -Match ([regex]::Escape('[Fail] RecentFailures:'))
        $list | Should -Match ([regex]::Escape('[Pass] Exists:'))
        $list | Should -Match 'Predicted codes\s*:'
        $list | Should -Match 'AADSTS50053 \S+: '
        $list | Should -Match 'Checked at'
    }

    It 'shows the checks as a table of their own' {
        $table = $nick.Checks | Format-Table | Out-String -Width 300

        $table | Should -Match 'Check\s+Status\s+Codes\s+Detail'
        $table | Should -Match 'RecentFailures\s+Fail\s+.*50053'
    }

    It 'reads the sign-in log from -Since: no failures after it, no lockout' {
        $since = [datetime]::UtcNow.AddMinutes(-5)

        $result = Test-UserSignInReadiness nick.locked@contoso.com -Check RecentFailures -Since $since

        [string]($result.Checks | Where-Object { [string]$_.Check -eq 'RecentFailures' }).Status | Should -Be 'Pass'
        [string]$result.Verdict | Should -Be 'Ready'
    }
}

Describe 'Test-UserSignInReadiness in a tenant without Entra ID P1 or P2' {
    BeforeAll {
        # An opaque token: the module can't tell its permissions, so Graph answers (403, no licence).
        $basic = Start-AadstsTestEmulator -Token 'emulator-token' -NoPremium -Connect
        $alice = Test-UserSignInReadiness alice.ready@contoso.com -ErrorVariable basicErrors
    }

    AfterAll {
        $basic | Stop-AadstsGraphEmulator
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'skips the sign-in log check, naming the licence it needs' {
        $recent = $alice.Checks | Where-Object { [string]$_.Check -eq 'RecentFailures' }

        [string]$recent.Status | Should -Be 'Skipped'
        $recent.Requires | Should -Match 'P1 or P2'
    }

    It 'reads MFA registration from the user''s authentication methods instead, and still gives a verdict' {
        $mfa = $alice.Checks | Where-Object { [string]$_.Check -eq 'MfaRegistration' }

        [string]$mfa.Status | Should -Be 'Pass'
        $mfa.Detail | Should -Match 'authentication methods'
        [string]$alice.Verdict | Should -Be 'Ready'
    }

    It 'writes no error: a skipped check is part of the result' {
        $basicErrors | Should -BeNullOrEmpty
    }
}

Describe 'Test-UserSignInReadiness without a permission' {
    BeforeAll {
        $limited = Start-AadstsTestEmulator -Token (New-AadstsTestToken -Scope 'User.Read.All', 'Domain.Read.All') -Connect
        $bob = Test-UserSignInReadiness bob.expired@contoso.com -ErrorVariable limitedErrors
    }

    AfterAll {
        $limited | Stop-AadstsGraphEmulator
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'skips the checks the token does not permit, naming the permission' {
        foreach ($name in 'SsprRegistration', 'MfaRegistration', 'RecentFailures') {
            $check = $bob.Checks | Where-Object { [string]$_.Check -eq $name }
            [string]$check.Status | Should -Be 'Skipped' -Because "$name needs AuditLog.Read.All"
            $check.Requires | Should -Match 'AuditLog\.Read\.All'
        }
    }

    It 'still runs the others and gives the verdict they support' {
        [string]($bob.Checks | Where-Object { [string]$_.Check -eq 'PasswordExpiry' }).Status | Should -Be 'Fail'
        [string]$bob.Verdict | Should -Be 'Blocked'
        $limitedErrors | Should -BeNullOrEmpty
    }
}

Describe 'Test-UserSignInReadiness format views' {
    It 'has a table view for bulk runs and a list view for one user' {
        $controls = (Get-FormatData -TypeName AadstsTools.SignInReadiness).FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }

        $controls | Should -Contain 'TableControl'
        $controls | Should -Contain 'ListControl'
    }

    It 'shows one line per user with the verdict, the codes and the main finding' {
        $results = 'alice.ready@contoso.com', 'bob.expired@contoso.com', 'judy.disabled@contoso.com' | Test-UserSignInReadiness -Check $DirectoryChecks

        $table = $results | Out-String -Width 300

        $table | Should -Match 'User\s+Verdict\s+Codes\s+Summary'
        $table | Should -Match 'alice\.ready@contoso\.com\s+Ready\s+All checks passed\.'
        $table | Should -Match 'bob\.expired@contoso\.com\s+Blocked\s+50055\s+PasswordExpiry:'
        $table | Should -Match 'judy\.disabled@contoso\.com\s+Blocked\s+50057\s+Enabled:'
    }

    It 'shows the input where there is no user' {
        $table = Test-UserSignInReadiness ghost@contoso.com -Check Enabled | Out-String -Width 300

        $table | Should -Match 'ghost@contoso\.com\s+Blocked\s+50034'
    }
}

Describe 'Test-UserSignInReadiness help' {
    It 'describes every parameter' {
        Get-AadstsUndocumentedParameter Test-UserSignInReadiness | Should -BeNullOrEmpty
    }

    It 'says -UserId takes pipeline input by value and by property name' {
        $pipelineInput = (Get-Help Test-UserSignInReadiness -Parameter UserId).pipelineInput

        $pipelineInput | Should -Match 'ByValue'
        $pipelineInput | Should -Match 'ByPropertyName'
    }

    It 'has examples for one user, Get-MgUser, Import-Csv and -Quiet' {
        $code = Get-AadstsExampleCode Test-UserSignInReadiness

        foreach ($usage in 'Format-List', 'Get-MgUser', 'Import-Csv', '-Quiet') {
            $code | Should -Match ([regex]::Escape($usage)) -Because "an example should show $usage"
        }
    }
}
