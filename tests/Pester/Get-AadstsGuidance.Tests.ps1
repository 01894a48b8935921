#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Get-AadstsGuidance against the laid-out module: parameter binding, pipeline input by value and by property
# name, error records, format views and help.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'AadstsTools.TestSupport.psm1') -Force
    $script:Module = Import-AadstsTestModule
}

AfterAll {
    Remove-Module AadstsTools -Force -ErrorAction SilentlyContinue
}

Describe 'Get-AadstsGuidance parameter binding' {
    It 'takes a code positionally, as <Form>' -ForEach @(
        @{ Form = 'a number'; Value = 50126 }
        @{ Form = 'a numeric string'; Value = '50126' }
        @{ Form = 'AADSTS50126'; Value = 'AADSTS50126' }
        @{ Form = 'lower case'; Value = 'aadsts50126' }
    ) {
        $result = Get-AadstsGuidance $Value

        $result.Id | Should -Be 'AADSTS50126'
        $result.Code | Should -Be 50126
        $result.PSObject.TypeNames | Should -Contain 'AadstsTools.Guidance'
    }

    It 'binds -Code and -Message as aliases of -InputObject' {
        (Get-AadstsGuidance -Code 50053).Code | Should -Be 50053
        (Get-AadstsGuidance -Message 'AADSTS50055: The password is expired.').Code | Should -Be 50055
    }

    It 'takes several codes at once, in order' {
        (Get-AadstsGuidance -InputObject 50126, 50053, 'AADSTS50055').Code | Should -Be @(50126, 50053, 50055)
    }

    It 'searches with -Search and filters with -Category' {
        $results = Get-AadstsGuidance -Search 'password' -Category Password

        $results | Should -Not -BeNullOrEmpty
        $results.CategoryName | Sort-Object -Unique | Should -Be 'Password'
        $results[0].Source | Should -Be 'Search'
    }

    It 'lists the whole catalog with -All' {
        @(Get-AadstsGuidance -All).Count | Should -BeGreaterOrEqual 350
    }

    It 'refuses -Category without -Search or -All' {
        # -Category is only in the Search and All sets, the code only in Lookup: no set fits both.
        { Get-AadstsGuidance 50126 -Category Password -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet'
    }

    It 'refuses an undefined category with the valid names' {
        { Get-AadstsGuidance -Search locked -Category NoSuchCategory -ErrorAction Stop } | Should -Throw '*Password*MFA*'
    }

    It 'requires input in the default parameter set' {
        $command = Get-Command Get-AadstsGuidance
        $command.DefaultParameterSet | Should -Be 'Lookup'
        $command.Parameters['InputObject'].ParameterSets['Lookup'].IsMandatory | Should -BeTrue
    }
}

Describe 'Get-AadstsGuidance pipeline input by value' {
    It 'explains every code of a pasted multi-line message, with its IDs' {
        $text = @'
AADSTS50126: Error validating credentials due to invalid username or password.
Trace ID: 0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b
Correlation ID: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a
Timestamp: 2026-03-14 09:26:53Z
'@
        $result = $text | Get-AadstsGuidance

        $result.Code | Should -Be 50126
        $result.TraceId | Should -Be '0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b'
        $result.CorrelationId | Should -Be '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a'
        $result.Source | Should -Be 'Message'
    }

    It 'reads a JSON error response from a file, as Get-Content -Raw gives it' {
        $json = Join-Path (Resolve-Path "$PSScriptRoot/../..").Path 'examples/az-login-error.json'
        $result = Get-Content -LiteralPath $json -Raw | Get-AadstsGuidance

        $result.Code | Should -Contain 50126
    }

    It 'takes integers and strings from the pipeline, one result each, in order' {
        (50126, '50053', 'AADSTS50055' | Get-AadstsGuidance).Code | Should -Be @(50126, 50053, 50055)
    }
}

Describe 'Get-AadstsGuidance pipeline input by property name (records)' {
    It 'reads Status.ErrorCode of Get-MgAuditLogSignIn output' {
        $signIn = New-AadstsSignInRecord -ErrorCode 50053 -UserPrincipalName 'jdoe@contoso.com'

        $result = $signIn | Get-AadstsGuidance

        $result.Code | Should -Be 50053
        $result.Source | Should -Be 'Record'
        $result.UserPrincipalName | Should -Be 'jdoe@contoso.com'
        $result.CorrelationId | Should -Be $signIn.CorrelationId
    }

    It 'skips successful sign-ins (error code 0) without an error' {
        $results = New-AadstsSignInRecord -ErrorCode 0 | Get-AadstsGuidance -ErrorVariable errors

        $results | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'reads the Sign-in error code column of the admin center download through Import-Csv' {
        $csv = New-AadstsPortalExport -Path (Join-Path $TestDrive 'InteractiveSignIns.csv') -ErrorCode 50126, 0, 50053

        $results = Import-Csv -LiteralPath $csv | Get-AadstsGuidance

        $results.Code | Should -Be @(50126, 50053)
        $results | ForEach-Object { $_.Source | Should -Be 'Record' }
    }

    It 'reads any object with an ErrorCode or Code property' {
        ([pscustomobject]@{ ErrorCode = 50057 } | Get-AadstsGuidance).Code | Should -Be 50057
        ([pscustomobject]@{ Code = 'AADSTS50034' } | Get-AadstsGuidance).Code | Should -Be 50034
    }
}

Describe 'Get-AadstsGuidance error records and warnings' {
    It 'writes a non-terminating InvalidData error that quotes input without a code, and goes on' {
        $results = 'the printer is on fire', 50126 | Get-AadstsGuidance -ErrorVariable errors -ErrorAction SilentlyContinue

        $results.Code | Should -Be 50126
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'NoAadstsCode,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].Exception.Message | Should -BeLike '*the printer is on fire*'
        $errors[0].TargetObject | Should -Be 'the printer is on fire'
        $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'names the properties a record without an error code has' {
        $null = [pscustomobject]@{ Name = 'x'; Colour = 'blue' } | Get-AadstsGuidance -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors[0].FullyQualifiedErrorId | Should -BeLike 'NoErrorCodeProperty,*'
        $errors[0].Exception.Message | Should -BeLike '*Colour*'
    }

    It 'returns an unknown but well-formed code with the lookup URL and a warning, not an error' {
        $result = Get-AadstsGuidance 99999 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors

        $result.IsKnown | Should -BeFalse
        $result.LookupUrl | Should -Be 'https://login.microsoftonline.com/error?code=99999'
        $warnings.Count | Should -Be 1
        $errors | Should -BeNullOrEmpty
    }

    It 'stops on the first bad input with -ErrorAction Stop' {
        { 'no code here' | Get-AadstsGuidance -ErrorAction Stop } | Should -Throw -ErrorId 'NoAadstsCode,*'
    }
}

Describe 'Get-AadstsGuidance organisation overlay' {
    It 'overrides built-in fields from -OverlayPath' {
        $overlay = Join-Path $TestDrive 'overlay.json'
        Set-Content -LiteralPath $overlay -Value '{ "entries": [ { "code": 50126, "userSteps": [ "Call the Contoso helpdesk on 555-0100." ] } ] }'

        $result = Get-AadstsGuidance 50126 -OverlayPath $overlay

        $result.UserSteps | Should -Contain 'Call the Contoso helpdesk on 555-0100.'
        $result.OverlaySources | Should -Not -BeNullOrEmpty
    }

    It 'warns about a malformed overlay, naming the file, and uses the built-in catalog' {
        $overlay = Join-Path $TestDrive 'broken.json'
        Set-Content -LiteralPath $overlay -Value "{ `"entries`": [ { `"code`": 50126, "

        $result = Get-AadstsGuidance 50126 -OverlayPath $overlay -WarningVariable warnings -WarningAction SilentlyContinue

        $result.Code | Should -Be 50126
        $warnings[0].Message | Should -BeLike '*broken.json*'
    }

    It 'reads the overlay named by AADSTS_CATALOG_OVERLAY' {
        $overlay = Join-Path $TestDrive 'env-overlay.json'
        Set-Content -LiteralPath $overlay -Value '{ "entries": [ { "code": 50053, "summary": "Locked out: call 555-0100." } ] }'
        $env:AADSTS_CATALOG_OVERLAY = $overlay
        try {
            (Get-AadstsGuidance 50053).Summary | Should -Be 'Locked out: call 555-0100.'
        }
        finally {
            Remove-Item Env:\AADSTS_CATALOG_OVERLAY
        }
    }
}

Describe 'Get-AadstsGuidance format views' {
    It 'has a table view and a list view for AadstsTools.Guidance' {
        $controls = (Get-FormatData -TypeName AadstsTools.Guidance).FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }

        $controls | Should -Contain 'TableControl'
        $controls | Should -Contain 'ListControl'
    }

    It 'shows code, name, category and summary in the table' {
        $table = Get-AadstsGuidance 50126, 50053 | Format-Table | Out-String -Width 200

        $table | Should -Match 'Code\s+Name\s+Category\s+Summary'
        $table | Should -Match 'AADSTS50126'
        $table | Should -Match 'AADSTS50053'
    }

    It 'shows the steps and the fixing command in the list' {
        $list = Get-AadstsGuidance 50126 | Format-List | Out-String -Width 200

        $list | Should -Match 'Admin steps'
        $list | Should -Match 'Reset-AadUserPassword'
        $list | Should -Match 'login\.microsoftonline\.com/error\?code=50126'
    }
}

Describe 'Get-AadstsGuidance help' {
    BeforeAll {
        $script:Help = Get-Help Get-AadstsGuidance -Full
    }

    It 'comes from the module''s MAML, with a synopsis and a description' {
        $Help.Synopsis | Should -BeLike 'Explains Microsoft Entra ID AADSTS sign-in errors offline*'
        ($Help.Description | Out-String) | Should -Match 'catalog built into the module'
    }

    It 'describes every parameter' {
        $parameters = (Get-Command Get-AadstsGuidance).Parameters.Keys |
            Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters }
        foreach ($name in $parameters) {
            $parameterHelp = $Help.Parameters.Parameter | Where-Object Name -EQ $name
            $parameterHelp | Should -Not -BeNullOrEmpty -Because "-$name needs help"
            ($parameterHelp.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'has examples with code' {
        @($Help.Examples.Example).Count | Should -BeGreaterOrEqual 1
        $Help.Examples.Example | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }
}
