#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Reset-AadUserPassword against the laid-out module and the Graph emulator's fixture tenant: parameter sets, -WhatIf,
# -Confirm:$false and -Force, the options, pipeline input by property name (Get-MgUser objects, Import-Csv rows), error
# records (the result still comes out), the journal, secrets, the format view and help. What a command changed is read
# back straight from the emulator's Graph API (Get-AadstsEmulatorUser: last password change, pending forced change,
# sessions valid from), and through a follow-up Test-UserSignInReadiness. The emulator's request log and password
# records are visible only in-process (the xunit tests read them); from here, what Graph shows is what can be checked.
# Every call passes -WhatIf, -Force or -Confirm:$false: the command asks otherwise (ConfirmImpact High).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $null = Import-AadstsTestModule
    $script:Emulator = Start-AadstsTestEmulator -Connect
    $script:AliceId = '5b3c1f0a-0001-4a6e-9d1e-000000000001'
    $script:MiaId = '5b3c1f0a-0013-4a6e-9d1e-000000000013'
    $script:PaulId = '5b3c1f0a-0016-4a6e-9d1e-000000000016'

    function script:Get-EmulatorUser([string] $User) {
        Get-AadstsEmulatorUser -Emulator $Emulator -User $User
    }
}

AfterAll {
    Stop-AadstsTestSession $Emulator
}

Describe 'Reset-AadUserPassword parameter binding and parameter sets' {
    BeforeAll {
        $command = Get-Command Reset-AadUserPassword
    }

    It 'generates passwords unless told otherwise' {
        $command.DefaultParameterSet | Should -Be 'Generate'
        @($command.ParameterSets.Name | Sort-Object) | Should -Be @('ForceChangeOnly', 'Generate', 'Given')
    }

    It 'asks before resetting (ConfirmImpact High) and supports -WhatIf and -Confirm' {
        $cmdlet = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1

        $cmdlet.SupportsShouldProcess | Should -BeTrue
        [string]$cmdlet.ConfirmImpact | Should -Be 'High'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'takes -UserId first, mandatory, from the pipeline by value and by property name, in every set' {
        Get-AadstsParameterBinding Reset-AadUserPassword UserId | Should -Be 'Mandatory, Position 0, ByValue, ByPropertyName'
        $command.Parameters['UserId'].Aliases | Should -Be @('Id', 'ObjectId', 'UserPrincipalName', 'UPN')
    }

    It 'keeps <Parameter> to the <Sets> set(s)' -ForEach @(
        @{ Parameter = 'NewPassword'; Sets = 'Given' }
        @{ Parameter = 'Length'; Sets = 'Generate' }
        @{ Parameter = 'AvoidAmbiguousCharacters'; Sets = 'Generate' }
        @{ Parameter = 'ForceChangeOnly'; Sets = 'ForceChangeOnly' }
        @{ Parameter = 'ForceChangePasswordNextSignIn'; Sets = 'Generate,Given' }
    ) {
        (@($command.Parameters[$Parameter].ParameterSets.Keys | Sort-Object) -join ',') | Should -Be $Sets
    }

    It 'takes -AvoidLookAlikes for -AvoidAmbiguousCharacters' {
        $command.Parameters['AvoidAmbiguousCharacters'].Aliases | Should -Contain 'AvoidLookAlikes'
    }

    It 'takes the new password only as SecureString' {
        $command.Parameters['NewPassword'].ParameterType.FullName | Should -Be 'System.Security.SecureString'
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a given password with a generated length'; Extra = @{ Length = 20 }; Given = $true; ErrorId = 'AmbiguousParameterSet,*' }
        @{ Case = 'a given password with -ForceChangeOnly'; Extra = @{ ForceChangeOnly = $true }; Given = $true; ErrorId = 'AmbiguousParameterSet,*' }
        @{ Case = '-ForceChangeOnly without the forced change'; Extra = @{ ForceChangeOnly = $true; ForceChangePasswordNextSignIn = $false }; Given = $false; ErrorId = 'AmbiguousParameterSet,*' }
        @{ Case = '-Length 7 (Entra''s minimum is 8)'; Extra = @{ Length = 7 }; Given = $false; ErrorId = 'ParameterArgumentValidationError,*' }
        @{ Case = '-Length 257 (Entra''s maximum is 256)'; Extra = @{ Length = 257 }; Given = $false; ErrorId = 'ParameterArgumentValidationError,*' }
    ) {
        $arguments = @{ UserId = 'alice.ready@contoso.com'; WhatIf = $true } + $Extra
        if ($Given) {
            $arguments.NewPassword = ConvertTo-SecureString 'Vx9#mQ2!tLr7&Kp' -AsPlainText -Force
        }

        { Reset-AadUserPassword @arguments } | Should -Throw -ErrorId $ErrorId
    }

    It 'takes the user positionally and as -<Alias>' -ForEach @(
        @{ Alias = 'UserId' }
        @{ Alias = 'Id' }
        @{ Alias = 'ObjectId' }
        @{ Alias = 'UserPrincipalName' }
        @{ Alias = 'UPN' }
    ) {
        $arguments = @{ $Alias = 'alice.ready@contoso.com'; WhatIf = $true }

        $named = Reset-AadUserPassword @arguments
        $positional = Reset-AadUserPassword alice.ready@contoso.com -WhatIf

        foreach ($result in $named, $positional) {
            $result.PSObject.TypeNames | Should -Contain 'AadstsTools.PasswordResetResult'
            $result.Input | Should -Be 'alice.ready@contoso.com'
            $result.UserId | Should -Be $AliceId
            [string]$result.Status | Should -Be 'WhatIf'
        }
    }
}

Describe 'Reset-AadUserPassword -WhatIf' {
    It 'sends no change: the result says WhatIf and Graph still shows the user as before' {
        $before = Get-EmulatorUser 'bob.expired@contoso.com'

        $result = Reset-AadUserPassword bob.expired@contoso.com -RevokeSessions -WhatIf

        [string]$result.Status | Should -Be 'WhatIf'
        $result.Message | Should -Be 'Not reset: Reset password, must change at next sign-in, revoke sessions.'
        $result.Password | Should -BeNullOrEmpty
        $result.SessionsRevoked | Should -BeNullOrEmpty
        $after = Get-EmulatorUser 'bob.expired@contoso.com'
        $after.LastPasswordChange | Should -Be $before.LastPasswordChange
        $after.ForceChangePasswordNextSignIn | Should -BeFalse
        $after.SignInSessionsValidFrom | Should -Be $before.SignInSessionsValidFrom
    }

    It 'leaves the user as Test-UserSignInReadiness found them: password still expired, no change pending' {
        $null = Reset-AadUserPassword bob.expired@contoso.com -WhatIf

        $readiness = Test-UserSignInReadiness bob.expired@contoso.com -Check 'PasswordExpiry', 'ForcedPasswordChange'

        [string]($readiness.Checks | Where-Object { [string]$_.Check -eq 'PasswordExpiry' }).Status | Should -Be 'Fail'
        [string]($readiness.Checks | Where-Object { [string]$_.Check -eq 'ForcedPasswordChange' }).Status | Should -Be 'Pass'
    }

    It 'previews every Import-Csv row; an empty cell gets a Failed result and an error, the others go on' {
        $csv = New-AadstsUserCsv -Path (Join-Path $TestDrive 'expired.csv') -UserPrincipalName 'alice.ready@contoso.com', '', 'dan.neverexpires@contoso.com'
        $alice = Get-EmulatorUser 'alice.ready@contoso.com'
        $dan = Get-EmulatorUser 'dan.neverexpires@contoso.com'

        $results = @(Import-Csv -LiteralPath $csv | Reset-AadUserPassword -WhatIf -ErrorVariable errors -ErrorAction SilentlyContinue)

        $results.Count | Should -Be 3
        @($results | ForEach-Object { [string]$_.Status }) | Should -Be @('WhatIf', 'Failed', 'WhatIf')
        $results[1].Input | Should -Be ''
        $results[1].ErrorKind | Should -Be 'InvalidArgument'
        $errors | Format-AadstsErrorRecord | Should -Be "InvalidUser InvalidArgument on ''"
        (Get-EmulatorUser 'alice.ready@contoso.com').LastPasswordChange | Should -Be $alice.LastPasswordChange
        (Get-EmulatorUser 'dan.neverexpires@contoso.com').LastPasswordChange | Should -Be $dan.LastPasswordChange
    }

    It 'is not overridden by -Force' {
        $before = Get-EmulatorUser 'carol.expiring@contoso.com'

        $result = Reset-AadUserPassword carol.expiring@contoso.com -Force -WhatIf

        [string]$result.Status | Should -Be 'WhatIf'
        (Get-EmulatorUser 'carol.expiring@contoso.com').LastPasswordChange | Should -Be $before.LastPasswordChange
    }

    It 'follows $WhatIfPreference, even with -Force' {
        $before = Get-EmulatorUser 'dan.neverexpires@contoso.com'

        $result = & {
            $WhatIfPreference = $true
            Reset-AadUserPassword dan.neverexpires@contoso.com -Force
        }

        [string]$result.Status | Should -Be 'WhatIf'
        (Get-EmulatorUser 'dan.neverexpires@contoso.com').LastPasswordChange | Should -Be $before.LastPasswordChange
    }
}

Describe 'Reset-AadUserPassword -Confirm:$false and -Force' {
    It 'resets with -Confirm:$false: a generated password, a change forced at the next sign-in, Graph''s request-id' {
        $before = Get-EmulatorUser 'carol.expiring@contoso.com'

        $result = Reset-AadUserPassword carol.expiring@contoso.com -Confirm:$false

        [string]$result.Status | Should -Be 'Reset'
        $result.Password | Should -BeOfType [securestring]
        $result.PlainTextPassword | Should -BeNullOrEmpty
        $result.ForceChangePasswordNextSignIn | Should -BeTrue
        $result.ForceChangePasswordNextSignInWithMfa | Should -BeFalse
        $result.RequestId | Should -Not -BeNullOrEmpty
        $after = Get-EmulatorUser 'carol.expiring@contoso.com'
        $after.LastPasswordChange | Should -BeGreaterThan $before.LastPasswordChange
        $after.LastPasswordChange | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-10))
        $after.ForceChangePasswordNextSignIn | Should -BeTrue
    }

    It 'resets with -Force; Test-UserSignInReadiness then finds a fresh password and the pending change' {
        $result = Reset-AadUserPassword frank.eu@eu.contoso.com -Force

        [string]$result.Status | Should -Be 'Reset'
        $readiness = Test-UserSignInReadiness frank.eu@eu.contoso.com -Check 'PasswordExpiry', 'ForcedPasswordChange'
        [string]($readiness.Checks | Where-Object { [string]$_.Check -eq 'PasswordExpiry' }).Status | Should -Be 'Pass'
        [string]($readiness.Checks | Where-Object { [string]$_.Check -eq 'ForcedPasswordChange' }).Status | Should -Be 'Warning'
    }
}

Describe 'Reset-AadUserPassword options' {
    It 'keeps the password without a forced change with -ForceChangePasswordNextSignIn $false' {
        $before = Get-EmulatorUser 'erin.lab@lab.contoso.net'

        $result = Reset-AadUserPassword erin.lab@lab.contoso.net -ForceChangePasswordNextSignIn $false -Force

        [string]$result.Status | Should -Be 'Reset'
        $result.ForceChangePasswordNextSignIn | Should -BeFalse
        $after = Get-EmulatorUser 'erin.lab@lab.contoso.net'
        $after.LastPasswordChange | Should -BeGreaterThan $before.LastPasswordChange
        $after.ForceChangePasswordNextSignIn | Should -BeFalse
    }

    It 'asks for MFA before the change with -RequireMfaBeforeChange, and ends sessions with -RevokeSessions' {
        $result = Reset-AadUserPassword leo.unregistered@contoso.com -RequireMfaBeforeChange -RevokeSessions -Force

        [string]$result.Status | Should -Be 'Reset'
        $result.ForceChangePasswordNextSignInWithMfa | Should -BeTrue
        $result.SessionsRevoked | Should -BeTrue
        $after = Get-EmulatorUser 'leo.unregistered@contoso.com'
        $after.ForceChangePasswordNextSignInWithMfa | Should -BeTrue
        $after.SignInSessionsValidFrom | Should -Not -BeNullOrEmpty
        $after.SignInSessionsValidFrom | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-10))
    }

    It 'only forces a change with -ForceChangeOnly: no password set, the old one kept until the next sign-in' {
        $before = Get-EmulatorUser 'ruth@contoso.onmicrosoft.com'

        $result = Reset-AadUserPassword ruth@contoso.onmicrosoft.com -ForceChangeOnly -Force

        [string]$result.Status | Should -Be 'Reset'
        $result.Password | Should -BeNullOrEmpty
        $result.ForceChangePasswordNextSignIn | Should -BeTrue
        $result.Message | Should -Match 'unchanged'
        $after = Get-EmulatorUser 'ruth@contoso.onmicrosoft.com'
        $after.LastPasswordChange | Should -Be $before.LastPasswordChange
        $after.ForceChangePasswordNextSignIn | Should -BeTrue
    }

    It 'sets the password given with -NewPassword and returns it' {
        $given = 'Vx9#mQ2!tLr7&Kp'
        $before = Get-EmulatorUser 'nick.locked@contoso.com'

        $result = Reset-AadUserPassword nick.locked@contoso.com -NewPassword (ConvertTo-SecureString $given -AsPlainText -Force) -Force

        [string]$result.Status | Should -Be 'Reset'
        ConvertFrom-AadstsTestSecureString $result.Password | Should -BeExactly $given
        (Get-EmulatorUser 'nick.locked@contoso.com').LastPasswordChange | Should -BeGreaterThan $before.LastPasswordChange
    }

    It 'generates 16 characters of three or more classes by default' {
        $result = Reset-AadUserPassword quinn.globaladmin@contoso.com -Force
        $password = ConvertFrom-AadstsTestSecureString $result.Password

        $password.Length | Should -Be 16
        $classes = @('[a-z]', '[A-Z]', '[0-9]', '[^A-Za-z0-9]' | Where-Object { $password -cmatch $_ }).Count
        $classes | Should -BeGreaterOrEqual 3
    }

    It 'generates -Length characters without look-alikes or the user''s name, and returns them in plain text only with -AsPlainText, warning once' {
        $results = @(Reset-AadUserPassword 'olivia.stalecreds@contoso.com', 'paul.justreset@contoso.com' -Length 24 -AvoidAmbiguousCharacters -AsPlainText -Force -WarningVariable warnings -WarningAction SilentlyContinue)

        $results.Count | Should -Be 2
        foreach ($result in $results) {
            [string]$result.Status | Should -Be 'Reset'
            $result.PlainTextPassword.Length | Should -Be 24
            $result.PlainTextPassword | Should -BeExactly (ConvertFrom-AadstsTestSecureString $result.Password)
            $result.PlainTextPassword | Should -Not -MatchExactly '[0Oo1Il2Zz5Ss8B]'
            $result.PlainTextPassword | Should -MatchExactly '^[A-Za-z0-9!#$%&*+=?@]+$'
        }
        $results[0].PlainTextPassword | Should -Not -Match 'olivia|stale'
        $results[1].PlainTextPassword | Should -Not -Match 'paul|reset'
        @($warnings | Where-Object { $_.Message -match '-AsPlainText' }).Count | Should -Be 1
    }
}

Describe 'Reset-AadUserPassword pipeline input by property name' {
    It 'binds Get-MgUser objects by their Id' {
        $users = @(
            New-AadstsMgUser -Id $MiaId -UserPrincipalName 'mia.admin@contoso.com' -DisplayName 'Mia Admin'
            New-AadstsMgUser -Id $PaulId -UserPrincipalName 'paul.justreset@contoso.com' -DisplayName 'Paul Reset'
        )
        $before = @($users | ForEach-Object { Get-EmulatorUser $_.Id })

        $results = @($users | Reset-AadUserPassword -Force)

        $results.Input | Should -Be @($MiaId, $PaulId)
        $results.UserPrincipalName | Should -Be @('mia.admin@contoso.com', 'paul.justreset@contoso.com')
        @($results | ForEach-Object { [string]$_.Status }) | Should -Be @('Reset', 'Reset')
        for ($i = 0; $i -lt 2; $i++) {
            (Get-EmulatorUser $users[$i].Id).LastPasswordChange | Should -BeGreaterThan $before[$i].LastPasswordChange
        }
    }

    It 'reads Import-Csv rows by their UserPrincipalName column; an empty cell fails on its own, the others are reset' {
        $csv = New-AadstsUserCsv -Path (Join-Path $TestDrive 'reset.csv') -UserPrincipalName 'quinn.globaladmin@contoso.com', '', 'ruth@contoso.onmicrosoft.com'

        $results = @(Import-Csv -LiteralPath $csv | Reset-AadUserPassword -Force -ErrorVariable errors -ErrorAction SilentlyContinue)

        $results.Input | Should -Be @('quinn.globaladmin@contoso.com', '', 'ruth@contoso.onmicrosoft.com')
        @($results | ForEach-Object { [string]$_.Status }) | Should -Be @('Reset', 'Failed', 'Reset')
        $errors | Format-AadstsErrorRecord | Should -Be "InvalidUser InvalidArgument on ''"
    }
}

Describe 'Reset-AadUserPassword error records' {
    It 'reports a user that does not exist as ObjectNotFound, and still returns the Failed result' {
        $result = Reset-AadUserPassword ghost@contoso.com -Force -ErrorVariable errors -ErrorAction SilentlyContinue

        [string]$result.Status | Should -Be 'Failed'
        $result.ErrorKind | Should -Be 'ObjectNotFound'
        $result.Message | Should -Match 'ghost@contoso\.com'
        $errors | Format-AadstsErrorRecord | Should -Be "ResetFailed ObjectNotFound on 'ghost@contoso.com'"
        $errors[0].FullyQualifiedErrorId | Should -Be 'ResetFailed,AadstsTools.Commands.ResetAadUserPasswordCommand'
    }

    It 'answers every input once, in order, when some are bad, refused or repeated' {
        $inputs = @('alice.ready@contoso.com', '', 'not a user', 'ghost@contoso.com', 'ivan.federated@fabrikam.com',
            'kim_partner.example#EXT#@contoso.onmicrosoft.com', $AliceId)

        $results = @($inputs | Reset-AadUserPassword -WhatIf -ErrorVariable errors -WarningVariable warnings -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $results.Count | Should -Be $inputs.Count
        for ($i = 0; $i -lt $inputs.Count; $i++) {
            $results[$i].Input | Should -Be $inputs[$i]
        }
        @($results | ForEach-Object { [string]$_.Status }) | Should -Be @('WhatIf', 'Failed', 'Failed', 'Failed', 'Skipped', 'Skipped', 'Skipped')
        @($results | Select-Object -Skip 1 | ForEach-Object { $_.ErrorKind }) | Should -Be @('InvalidArgument', 'InvalidArgument', 'ObjectNotFound', 'Federated', 'Guest', 'Duplicate')
        $results[4].Message | Should -Match 'on-premises'
        $results[6].Message | Should -Match 'input 1'

        @($errors | Format-AadstsErrorRecord) | Should -Be @(
            "InvalidUser InvalidArgument on ''", "InvalidUser InvalidArgument on 'not a user'", "ResetFailed ObjectNotFound on 'ghost@contoso.com'")
        ($warnings.Message -join "`n") | Should -Match 'federated'
        ($warnings.Message -join "`n") | Should -Match 'guest'
    }

    It 'reports a password Graph rejects as InvalidData, without the password' {
        $given = 'Contoso1!'
        $before = Get-EmulatorUser 'quinn.globaladmin@contoso.com'

        $result = Reset-AadUserPassword quinn.globaladmin@contoso.com -NewPassword (ConvertTo-SecureString $given -AsPlainText -Force) -Force -ErrorVariable errors -ErrorAction SilentlyContinue

        [string]$result.Status | Should -Be 'Failed'
        $result.ErrorKind | Should -Be 'InvalidData'
        $result.Message | Should -Match 'complexity'
        $result.RequestId | Should -Not -BeNullOrEmpty
        $errors | Format-AadstsErrorRecord | Should -Be "ResetFailed InvalidData on 'quinn.globaladmin@contoso.com'"
        $errors[0].Exception.Message.Contains($given) | Should -BeFalse
        $result.Message.Contains($given) | Should -BeFalse
        (Get-EmulatorUser 'quinn.globaladmin@contoso.com').LastPasswordChange | Should -Be $before.LastPasswordChange
    }

    It 'refuses a given password holding the user''s name before calling Graph, as InvalidData' {
        $given = 'Alice#Ready2026'
        $before = Get-EmulatorUser 'alice.ready@contoso.com'

        $result = Reset-AadUserPassword alice.ready@contoso.com -NewPassword (ConvertTo-SecureString $given -AsPlainText -Force) -Force -ErrorVariable errors -ErrorAction SilentlyContinue

        [string]$result.Status | Should -Be 'Failed'
        $result.ErrorKind | Should -Be 'InvalidData'
        $errors | Format-AadstsErrorRecord | Should -Be "PasswordRejected InvalidData on 'alice.ready@contoso.com'"
        $errors[0].Exception.Message | Should -Match 'name'
        $errors[0].Exception.Message.Contains($given) | Should -BeFalse
        (Get-EmulatorUser 'alice.ready@contoso.com').LastPasswordChange | Should -Be $before.LastPasswordChange
    }

    It 'stops before anything is sent when the given password breaks the rules, without the password' {
        $given = 'abcdefgh'

        $thrown = { Reset-AadUserPassword alice.ready@contoso.com -NewPassword (ConvertTo-SecureString $given -AsPlainText -Force) -Force } |
            Should -Throw -ErrorId 'InvalidResetRequest,*' -PassThru

        [string]$thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match '-NewPassword'
        $thrown.Exception.Message.Contains($given) | Should -BeFalse
    }

    It 'fails with PermissionDenied for <Kind> token without User-PasswordProfile.ReadWrite.All, naming the role; nothing is sent' -ForEach @(
        @{ Kind = 'an app-only'; AppOnly = $true; Role = 'User Administrator assigned to the app''s service principal' }
        @{ Kind = 'a delegated'; AppOnly = $false; Role = 'User Administrator or Helpdesk Administrator' }
    ) {
        $limitedToken = if ($AppOnly) { New-AadstsTestToken -Role 'User.Read.All', 'Domain.Read.All' } else { New-AadstsTestToken -Scope 'User.Read.All', 'Domain.Read.All' }
        $before = Get-EmulatorUser 'dan.neverexpires@contoso.com'
        try {
            $null = Connect-AadstsTestGraph -Emulator $Emulator -Token $limitedToken
            $result = Reset-AadUserPassword dan.neverexpires@contoso.com -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        }
        finally {
            $null = Connect-AadstsTestGraph -Emulator $Emulator
        }

        [string]$result.Status | Should -Be 'Failed'
        $result.ErrorKind | Should -Be 'PermissionDenied'
        $result.Message | Should -Match 'User-PasswordProfile\.ReadWrite\.All'
        $errors | Format-AadstsErrorRecord | Should -Be "ResetFailed PermissionDenied on 'dan.neverexpires@contoso.com'"
        $errors[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($Role))
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'Privileged Authentication Administrator'
        (Get-EmulatorUser 'dan.neverexpires@contoso.com').LastPasswordChange | Should -Be $before.LastPasswordChange
    }

    It 'resets a synced user, warning that the on-premises password will replace it' {
        $result = Reset-AadUserPassword grace.synced@contoso.com -Force -WarningVariable warnings -WarningAction SilentlyContinue

        [string]$result.Status | Should -Be 'Reset'
        ($warnings.Message -join "`n") | Should -Match 'synced from on-premises'
        ($warnings.Message -join "`n") | Should -Match 'writeback'
    }

    It 'stops at the first failure with -ErrorAction Stop' {
        { Reset-AadUserPassword ghost@contoso.com -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ResetFailed,*'
    }
}

Describe 'Reset-AadUserPassword -JournalPath' {
    BeforeAll {
        $journal = Join-Path $TestDrive 'reset.jsonl'
        $first = @(Reset-AadUserPassword 'henry.stalesync@contoso.com', 'judy.disabled@contoso.com' -JournalPath $journal -AsPlainText -Force -WarningAction SilentlyContinue)
        $afterFirst = Get-EmulatorUser 'henry.stalesync@contoso.com'
        # Graph's times have whole seconds: a second reset of henry would now show as a later change.
        Start-Sleep -Seconds 1
        $second = @(Reset-AadUserPassword 'henry.stalesync@contoso.com', 'judy.disabled@contoso.com', 'grace.synced@contoso.com' -JournalPath $journal -AsPlainText -Force -WarningAction SilentlyContinue)
    }

    It 'resets everyone on the first run' {
        @($first | ForEach-Object { [string]$_.Status }) | Should -Be @('Reset', 'Reset')
    }

    It 'skips the users the journal records as done on a re-run, and resets the new one' {
        @($second | ForEach-Object { [string]$_.Status }) | Should -Be @('Skipped', 'Skipped', 'Reset')
        $second[0].ErrorKind | Should -Be 'AlreadyDone'
        $second[1].ErrorKind | Should -Be 'AlreadyDone'
        $second[0].Message | Should -Match 'Already reset'
        (Get-EmulatorUser 'henry.stalesync@contoso.com').LastPasswordChange | Should -Be $afterFirst.LastPasswordChange
    }

    It 'writes JSON lines naming the users, and never a password' {
        $lines = @(Get-Content -LiteralPath $journal)
        $text = $lines -join "`n"

        $lines.Count | Should -BeGreaterOrEqual 4
        foreach ($line in $lines) {
            { $line | ConvertFrom-Json } | Should -Not -Throw
        }
        $text | Should -Match 'henry\.stalesync@contoso\.com'
        $text | Should -Match 'grace\.synced@contoso\.com'
        foreach ($password in ($first + $second | Where-Object PlainTextPassword | ForEach-Object PlainTextPassword)) {
            $text.Contains($password) | Should -BeFalse
        }
    }

    It 'reports a user whose outcome the journal can''t tell, and resets them again only with -ResetUnknown' {
        # What a run killed between sending and hearing back leaves (the journal's documented format): the intent only.
        $killed = Join-Path $TestDrive 'killed.jsonl'
        $time = [DateTimeOffset]::UtcNow.AddMinutes(-5).ToString('yyyy-MM-ddTHH:mm:sszzz', [System.Globalization.CultureInfo]::InvariantCulture)
        [System.IO.File]::WriteAllText($killed, '{"time":"' + $time + '","run":"20260101T000000Z-0badc0de","user":"alice.ready@contoso.com","objectId":"' + $AliceId + '","state":"intended"}' + "`n")
        $before = Get-EmulatorUser 'alice.ready@contoso.com'

        $unknown = Reset-AadUserPassword alice.ready@contoso.com -JournalPath $killed -Force -WarningVariable warnings -WarningAction SilentlyContinue

        [string]$unknown.Status | Should -Be 'Skipped'
        $unknown.ErrorKind | Should -Be 'OutcomeUnknown'
        $unknown.Message | Should -Match '-ResetUnknown'
        ($warnings.Message -join "`n") | Should -Match 'unknown'
        (Get-EmulatorUser 'alice.ready@contoso.com').LastPasswordChange | Should -Be $before.LastPasswordChange

        $again = Reset-AadUserPassword alice.ready@contoso.com -JournalPath $killed -ResetUnknown -Force

        [string]$again.Status | Should -Be 'Reset'
        (Get-EmulatorUser 'alice.ready@contoso.com').LastPasswordChange | Should -BeGreaterThan $before.LastPasswordChange
    }
}

Describe 'Reset-AadUserPassword secrets' {
    It 'never writes a password to verbose, debug, warning or error output' {
        $records = & {
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            Reset-AadUserPassword 'olivia.stalecreds@contoso.com', 'ghost@contoso.com' -AsPlainText -Force -ErrorAction Continue
        } *>&1
        $results = @($records | Where-Object { $_.PSObject.TypeNames -contains 'AadstsTools.PasswordResetResult' })
        $others = @($records | Where-Object { $_.PSObject.TypeNames -notcontains 'AadstsTools.PasswordResetResult' })
        $password = ($results | Where-Object { [string]$_.Status -eq 'Reset' }).PlainTextPassword

        $password | Should -Not -BeNullOrEmpty
        # At least the -AsPlainText warning, the ghost's error and the verbose notes.
        $others.Count | Should -BeGreaterOrEqual 3
        foreach ($record in $others) {
            $text = ($record | Out-String -Width 500) + [string]$record
            $text.Contains($password) | Should -BeFalse -Because "a $($record.GetType().Name) must not hold the password"
        }
    }

    It 'keeps the password out of the result''s views and conversions without -AsPlainText' {
        $result = Reset-AadUserPassword mia.admin@contoso.com -Force
        $password = ConvertFrom-AadstsTestSecureString $result.Password

        $result.PlainTextPassword | Should -BeNullOrEmpty
        ($result | Out-String -Width 500).Contains($password) | Should -BeFalse
        ($result | Format-List * | Out-String -Width 500).Contains($password) | Should -BeFalse
        ($result | ConvertTo-Json -Depth 3).Contains($password) | Should -BeFalse
        ([string]$result).Contains($password) | Should -BeFalse
    }
}

Describe 'Reset-AadUserPassword format view' {
    BeforeAll {
        $previews = @(Reset-AadUserPassword 'alice.ready@contoso.com', 'ghost@contoso.com' -WhatIf -ErrorAction SilentlyContinue)
        $plain = Reset-AadUserPassword paul.justreset@contoso.com -AsPlainText -Force -WarningAction SilentlyContinue
        $secure = Reset-AadUserPassword mia.admin@contoso.com -Force
    }

    It 'has a table view for AadstsTools.PasswordResetResult' {
        $controls = (Get-FormatData -TypeName AadstsTools.PasswordResetResult).FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }

        $controls | Should -Contain 'TableControl'
    }

    It 'shows user, status, forced change, revocation and details, one line per input' {
        $table = $previews | Out-String -Width 300

        $table | Should -Match 'User\s+Status\s+MustChange\s+Revoked\s+Details'
        $table | Should -Match 'alice\.ready@contoso\.com\s+WhatIf\s+True\s+Not reset:'
        $table | Should -Match 'ghost@contoso\.com\s+Failed\s+False\s+.*not found'
    }

    It 'shows the plain-text password only with -AsPlainText, and otherwise where the SecureString is' {
        ($plain | Out-String -Width 300) | Should -Match ('Password: ' + [regex]::Escape($plain.PlainTextPassword))
        $secureTable = $secure | Out-String -Width 300
        $secureTable | Should -Match 'New password in \.Password \(SecureString\)'
        $secureTable.Contains((ConvertFrom-AadstsTestSecureString $secure.Password)) | Should -BeFalse
    }
}

Describe 'Reset-AadUserPassword help' {
    It 'describes every parameter' {
        Get-AadstsUndocumentedParameter Reset-AadUserPassword | Should -BeNullOrEmpty
    }

    It 'has examples for a preview, a bulk run with a journal, a compromise and a forced change only' {
        $code = Get-AadstsExampleCode Reset-AadUserPassword

        foreach ($usage in '-WhatIf', 'Import-Csv', '-JournalPath', '-RevokeSessions', '-ForceChangeOnly', '-Force') {
            $code | Should -Match ([regex]::Escape($usage)) -Because "an example should show $usage"
        }
    }
}
