#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Get-AadstsGraphContext against the laid-out module: the current Graph connection (delegated or app-only, made with
# tokens the emulator serves), its list view, and that no view or conversion of it ever shows the token.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $null = Import-AadstsTestModule
    $script:TenantId = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d'
    $script:Account = 'helpdesk.admin@contoso.com'
    $script:Token = New-AadstsTestToken -TenantId $TenantId -Account $Account
    $script:Emulator = Start-AadstsTestEmulator -Token $Token
}

AfterAll {
    Stop-AadstsTestSession $Emulator
}

Describe 'Get-AadstsGraphContext parameters' {
    It 'takes no parameters of its own' {
        $own = (Get-Command Get-AadstsGraphContext).Parameters.Keys |
            Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }

        $own | Should -BeNullOrEmpty
    }
}

Describe 'Get-AadstsGraphContext without a connection' {
    BeforeAll {
        Disconnect-AadstsTestGraph
    }

    It 'returns nothing, says so in verbose output, and writes no error' {
        $records = Get-AadstsGraphContext -Verbose -ErrorVariable errors 4>&1

        @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'Not connected'
        $errors | Should -BeNullOrEmpty
    }
}

Describe 'Get-AadstsGraphContext for a delegated connection' {
    BeforeAll {
        $connected = Connect-AadstsTestGraph -Emulator $Emulator
        $context = Get-AadstsGraphContext
    }

    It 'returns the connection Connect-AadstsGraph made, as an AadstsTools.GraphContext' {
        @($context).Count | Should -Be 1
        $context.PSObject.TypeNames | Should -Contain 'AadstsTools.GraphContext'
        foreach ($name in 'TenantId', 'Account', 'ClientId', 'AuthenticationType', 'AccessType', 'Cloud', 'GraphEndpoint', 'TokenCache', 'TokenExpiresOn') {
            $context.$name | Should -Be $connected.$name -Because "$name is the same connection's"
        }
        ($context.Scopes -join ' ') | Should -Be ($connected.Scopes -join ' ')
    }

    It 'shows tenant, account, access type, endpoint and permissions' {
        $context.TenantId | Should -Be $TenantId
        $context.Account | Should -Be $Account
        $context.AccessType | Should -Be 'Delegated'
        $context.GraphEndpoint | Should -Be $Emulator.BaseUrl
    }

    It 'answers the help''s question: may this connection reset passwords?' {
        (Get-AadstsGraphContext).Scopes -contains 'User-PasswordProfile.ReadWrite.All' | Should -BeTrue
    }

    It 'is shown as a list with every field, the account, and the scopes on one line' {
        $text = $context | Out-String -Width 300

        foreach ($label in 'TenantId', 'Account', 'ClientId', 'AuthenticationType', 'AccessType', 'Cloud', 'GraphEndpoint', 'Scopes', 'TokenExpiresOn', 'TokenCache') {
            $text | Should -Match "(?m)^$label\s*:" -Because "the list view shows $label"
        }
        $text | Should -Match 'Scopes\s*:\s*\S+\.All, \S+\.All'
        # AppName is shown only for app-only tokens that name the app.
        $text | Should -Not -Match '(?m)^AppName\s*:'
    }

    It 'never shows the token, in any view or conversion' {
        $payload = [regex]::Escape($Token.Split('.')[1])

        ($context | Format-List * | Out-String -Width 500) | Should -Not -Match $payload
        ($context | Format-Table * | Out-String -Width 500) | Should -Not -Match $payload
        ($context | ConvertTo-Json -Depth 4) | Should -Not -Match $payload
        ($context | ConvertTo-Csv -NoTypeInformation | Out-String) | Should -Not -Match $payload
        foreach ($property in $context.PSObject.Properties) {
            $property.Value | Should -Not -BeOfType [securestring]
        }
    }
}

Describe 'Get-AadstsGraphContext for an app-only connection' {
    BeforeAll {
        $appId = '6e5d4c3b-2a19-4f08-8e7d-0a1b2c3d4e5f'
        # Not accepted by the emulator: this Describe makes no Graph call, it only reads what the token says.
        $appToken = New-AadstsTestToken -Role 'User.Read.All', 'Domain.Read.All' -TenantId $TenantId -AppId $appId
        $null = Connect-AadstsTestGraph -Emulator $Emulator -Token $appToken
        $context = Get-AadstsGraphContext
    }

    AfterAll {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'says the connection acts as the application, with its application permissions' {
        $context.AccessType | Should -Be 'AppOnly'
        $context.IsAppOnly | Should -BeTrue
        $context.Account | Should -BeNullOrEmpty
        $context.ClientId | Should -Be $appId
        $context.AppName | Should -Be 'AadstsTools Pester'
        @($context.Scopes | Sort-Object) | Should -Be @('Domain.Read.All', 'User.Read.All')
    }

    It 'shows the app instead of an account in the list' {
        $text = $context | Out-String -Width 300

        $text | Should -Match '(?m)^AppName\s*:\s*AadstsTools Pester'
        $text | Should -Match '(?m)^AccessType\s*:\s*AppOnly'
        $text | Should -Not -Match '(?m)^Account\s*:'
    }

    It 'tells a runbook before a bulk run that password resets are not granted' {
        (Get-AadstsGraphContext).Scopes -contains 'User-PasswordProfile.ReadWrite.All' | Should -BeFalse
    }
}

Describe 'Get-AadstsGraphContext after Disconnect-AadstsGraph' {
    It 'returns nothing once disconnected, and the new connection once connected again' {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
        Disconnect-AadstsGraph

        Get-AadstsGraphContext | Should -BeNullOrEmpty

        $null = Connect-AadstsTestGraph -Emulator $Emulator
        (Get-AadstsGraphContext).TenantId | Should -Be $TenantId
    }
}

Describe 'Get-AadstsGraphContext help' {
    It 'has examples with code, including the permission check before a bulk run' {
        $examples = @((Get-Help Get-AadstsGraphContext -Examples).Examples.Example)

        $examples.Count | Should -BeGreaterOrEqual 1
        ($examples | ForEach-Object { $_.Code } | Out-String) | Should -Match ([regex]::Escape('.Scopes -contains'))
    }
}
