#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Disconnect-AadstsGraph against the laid-out module and the Graph emulator: the connection is forgotten, the Graph
# commands then stop with NotConnected (saying what to run and which permissions it asks for), and reading a downloaded
# sign-in log still works without a connection.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $null = Import-AadstsTestModule
    $script:Emulator = Start-AadstsTestEmulator
    $script:Examples = Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path 'examples'
}

AfterAll {
    Stop-AadstsTestSession $Emulator
}

Describe 'Disconnect-AadstsGraph' {
    BeforeEach {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
    }

    It 'takes no parameters of its own' {
        $own = (Get-Command Disconnect-AadstsGraph).Parameters.Keys |
            Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }

        $own | Should -BeNullOrEmpty
    }

    It 'forgets the connection, returning nothing and saying so in verbose output' {
        $records = Disconnect-AadstsGraph -Verbose 4>&1

        @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'Disconnected'
        Get-AadstsGraphContext | Should -BeNullOrEmpty
    }

    It 'says when there was no connection to end, without an error' {
        Disconnect-AadstsGraph

        $records = Disconnect-AadstsGraph -Verbose -ErrorVariable errors 4>&1

        ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'no Microsoft Graph connection'
        $errors | Should -BeNullOrEmpty
    }

    It 'lets Connect-AadstsGraph connect again afterwards' {
        Disconnect-AadstsGraph
        $null = Connect-AadstsTestGraph -Emulator $Emulator

        [string](Test-UserSignInReadiness alice.ready@contoso.com -Check Enabled).Verdict | Should -Be 'Ready'
    }
}

Describe 'The Graph commands after Disconnect-AadstsGraph' {
    BeforeEach {
        $null = Connect-AadstsTestGraph -Emulator $Emulator
        Disconnect-AadstsGraph
    }

    It '<Name> stops with NotConnected, naming Connect-AadstsGraph and the permission <Permission>' -ForEach @(
        @{ Name = 'Test-UserSignInReadiness'; Arguments = @{ UserId = 'alice.ready@contoso.com' }; Permission = 'User.Read.All' }
        @{ Name = 'Reset-AadUserPassword'; Arguments = @{ UserId = 'alice.ready@contoso.com'; WhatIf = $true }; Permission = 'User-PasswordProfile.ReadWrite.All' }
        @{ Name = 'Get-AadSignInFailure'; Arguments = @{ Days = 1 }; Permission = 'AuditLog.Read.All' }
    ) {
        $thrown = { & $Name @Arguments } | Should -Throw -ErrorId 'NotConnected,*' -PassThru

        [string]$thrown.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $thrown.TargetObject | Should -Be $Name
        $thrown.Exception.Message | Should -Match 'Connect-AadstsGraph'
        $thrown.Exception.Message | Should -Match ([regex]::Escape($Permission))
        $thrown.ErrorDetails.RecommendedAction | Should -Match 'Connect-AadstsGraph -Identity'
    }

    It 'stops a pipeline of users with NotConnected too' {
        { 'alice.ready@contoso.com', 'bob.expired@contoso.com' | Test-UserSignInReadiness -Check Enabled } | Should -Throw -ErrorId 'NotConnected,*'
    }

    It 'still reads a downloaded sign-in log, which needs no connection' {
        $failures = Get-AadSignInFailure -Path (Join-Path $Examples 'signins-interactive.csv') -ErrorCode 50053

        @($failures).Count | Should -BeGreaterThan 0
        $failures | ForEach-Object { $_.ErrorCode | Should -Be 50053 }
    }
}

Describe 'Disconnect-AadstsGraph help' {
    It 'has an example with code' {
        $examples = @((Get-Help Disconnect-AadstsGraph -Examples).Examples.Example)

        $examples.Count | Should -BeGreaterOrEqual 1
        $examples | ForEach-Object { $_.Code | Should -Match 'Disconnect-AadstsGraph' }
    }
}
